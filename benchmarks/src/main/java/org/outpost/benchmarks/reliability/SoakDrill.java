package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;

/**
 * A soak at {@value #SPEED_UP}× the normal crawl rate ({@link NormalCrawlRate}): the shipped 12
 * sources' types and schedules pointed at local sites that keep publishing
 * ({@link GrowingNewsSites}), each polled {@value #SPEED_UP}× as often and publishing
 * {@value #SPEED_UP}× as many articles, for {@code OUTPOST_SOAK_MINUTES} (default 60) against the
 * app with {@code -Xmx1g} and its own Elasticsearch node. Every 30 s the drill samples heap,
 * threads, open files and articles ({@code target/reliability/soak.csv}); it then checks that the
 * app stayed up, crawled what was published, and that heap, threads and files did not creep.
 */
final class SoakDrill implements Drill {

    static final int SPEED_UP = 20;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    /** Forcing a full GC this often makes "heap after GC" exact without changing the app's behaviour much. */
    private static final Duration FULL_GC_EVERY = Duration.ofMinutes(5);

    private static final int BACKLOG = 20;
    /**
     * Heap margin, last quarter over second: the larger of 20 % and 30 MB. A leak of one
     * retained object graph per article or per run would grow the live heap linearly, by about as
     * much between the quarters as during the whole first half; 30 MB is what the app's caches
     * (the Lucene subscription monitor, the recent articles kept for copy detection, connection pools) may still legitimately warm
     * by, the 20 % keeps the bound meaningful if the baseline is larger than expected.
     */
    private static final double HEAP_MARGIN_RATIO = 0.20;

    private static final double HEAP_MARGIN_BYTES = 30 * 1024 * 1024;
    /** Threads in the second half: Tomcat and the crawler's pools grow and shrink by a few; a leak adds one per run (70 in 30 min). */
    private static final int THREAD_SPREAD = 10;
    /** Open files, last quarter over second: sockets come and go (keep-alive, ES client); a leak per run adds 70 in 30 min. */
    private static final int FILES_GROWTH = 20;

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        Duration length =
                Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault("OUTPOST_SOAK_MINUTES", "60")));
        NormalCrawlRate normal = NormalCrawlRate.shipped();
        Clock clock = Clock.systemUTC();
        Path csv = Path.of("target", "reliability", "soak.csv");
        Files.createDirectories(csv.getParent());
        DrillResult result = new DrillResult(name(), description(normal, length));
        try (GrowingNewsSites sites = new GrowingNewsSites(
                        normal.sources().size(), BACKLOG, normal.publishingInterval(SPEED_UP), clock);
                AppProcess app = AppProcess.in(workDir.resolve("app"))
                        .heap("1g")
                        .startTimeout(Duration.ofMinutes(6))
                        .build()) {
            app.start();
            OutpostApi api = app.api();
            List<Long> sources = createSources(api, sites, normal);
            api.post(
                            "/api/v1/subscriptions",
                            Map.of(
                                    "name",
                                    "Soak: border news",
                                    "query",
                                    "border",
                                    "frequency",
                                    "instant",
                                    "channels",
                                    List.of(Map.of("type", "inapp"))))
                    .expect(201);
            Instant begin = clock.instant();
            for (long id : sources) {
                // creating a source already runs it; "run now" on top, as an operator would, queues (or, while
                // the first run holds the lease, skips) one more poll: the schedule fires only one interval later
                api.post("/api/v1/sources/" + id + "/run", "").expect(202);
            }
            List<SoakSample> samples = sample(app, begin, length, csv);
            Instant end = clock.instant();
            Runs runs = runs(api, sources);
            double articles = SoakSample.take(app, Duration.between(begin, clock.instant()), false)
                    .articles(); // after the runs read
            check(result, samples, length, normal, runs, sites, end, articles);
            result.note(summary(samples, length)).note(runsNote(runs, api));
        }
        return result;
    }

    private static String description(NormalCrawlRate normal, Duration length) {
        return String.format(
                Locale.ROOT,
                "Normal = the %d shipped sources (default-sources.yml: their types and schedules, "
                        + "%.1f polls an hour) on sites publishing %d new articles an hour each. %d× = the same %d sources on local "
                        + "sites, each schedule divided by %d (%.0f polls an hour) and each site publishing one article every %d s "
                        + "(%d an hour in all), plus one instant in-app subscription. The app runs with -Xmx1g and its own "
                        + "Elasticsearch node for %d min; samples every %d s, a full GC forced (jcmd GC.run) every %d s.",
                normal.sources().size(),
                normal.pollsPerHour(1),
                NormalCrawlRate.ARTICLES_PER_SITE_HOUR,
                SPEED_UP,
                normal.sources().size(),
                SPEED_UP,
                normal.pollsPerHour(SPEED_UP),
                normal.publishingInterval(SPEED_UP).toSeconds(),
                normal.sources().size() * NormalCrawlRate.ARTICLES_PER_SITE_HOUR * SPEED_UP,
                length.toMinutes(),
                SAMPLE_EVERY.toSeconds(),
                fullGcEvery(length).toSeconds());
    }

    /** Every 5 minutes, but at least 12 forced collections in short trial runs. */
    private static Duration fullGcEvery(Duration length) {
        Duration twelfth = length.dividedBy(12);
        return twelfth.compareTo(FULL_GC_EVERY) < 0
                ? (twelfth.compareTo(SAMPLE_EVERY) < 0 ? SAMPLE_EVERY : twelfth)
                : FULL_GC_EVERY;
    }

    private static List<Long> createSources(OutpostApi api, GrowingNewsSites sites, NormalCrawlRate normal) {
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < normal.sources().size(); k++) {
            NormalCrawlRate.Source shipped = normal.sources().get(k);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Soak " + k + ": " + shipped.name());
            body.put("type", shipped.type());
            body.put(
                    "url",
                    sites.url(
                            k,
                            switch (shipped.type()) {
                                case "sitemap" -> "/sitemap.xml";
                                case "html" -> "/latest.html";
                                default -> "/feed.xml";
                            }));
            body.put("schedule", shipped.every(SPEED_UP).toString());
            body.put("enabled", true);
            body.put("allowPrivate", true);
            body.put("language", "en");
            body.put("includePattern", "/news/\\d+\\.html");
            ids.add(api.post("/api/v1/sources", body)
                    .expect(201)
                    .body()
                    .path("id")
                    .asLong());
        }
        return ids;
    }

    private static List<SoakSample> sample(AppProcess app, Instant begin, Duration length, Path csv)
            throws IOException {
        List<SoakSample> samples = new ArrayList<>();
        long gcEvery = Math.max(1, fullGcEvery(length).toMillis() / SAMPLE_EVERY.toMillis());
        try (Writer out = Files.newBufferedWriter(csv)) {
            out.write(SoakSample.CSV_HEADER + "\n");
            for (long tick = 0; ; tick++) {
                Instant due = begin.plus(SAMPLE_EVERY.multipliedBy(tick));
                if (due.isAfter(begin.plus(length))) {
                    break;
                }
                sleepUntil(due);
                SoakSample s = SoakSample.take(app, Duration.between(begin, Instant.now()), tick % gcEvery == 0);
                samples.add(s);
                out.write(s.csv() + "\n");
                out.flush(); // a watcher (or a crash) sees every sample so far
                System.out.println("soak " + s.csv());
            }
        }
        return samples;
    }

    private void check(
            DrillResult result,
            List<SoakSample> samples,
            Duration length,
            NormalCrawlRate normal,
            Runs runs,
            GrowingNewsSites sites,
            Instant end,
            double articles) {
        long alive = samples.stream().filter(SoakSample::alive).count();
        long up = samples.stream().filter(s -> s.health().equals("UP")).count();
        result.check(
                "app process alive at every sample",
                samples.size() + " of " + samples.size(),
                alive + " of " + samples.size(),
                alive == samples.size());
        result.check(
                "/actuator/health UP at every sample",
                samples.size() + " of " + samples.size(),
                up + " of " + samples.size(),
                up == samples.size());

        long expectedPolls = normal.sources().stream()
                .mapToLong(s -> 1 + length.toMillis() / s.every(SPEED_UP).toMillis())
                .sum();
        long finished = runs.byStatus().entrySet().stream()
                .filter(e -> !e.getKey().equals("running"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        result.check(
                "crawl runs finished (initial + scheduled)",
                "≥ 90 % of " + expectedPolls,
                finished,
                finished >= Math.round(0.9 * expectedPolls));
        result.check("crawl errors recorded (the sites are well-formed)", 0, runs.errors(), runs.errors() == 0);

        int low = 0;
        for (int k = 0; k < sites.sites(); k++) {
            Instant lastStart = runs.lastSucceededStart().get(k);
            low += lastStart == null ? 0 : sites.published(k, lastStart);
        }
        int high = sites.publishedEverywhere(end);
        result.check(
                "articles indexed (published before each source's last succeeded run ≤ n ≤ published by the end)",
                low + " … " + high,
                (long) articles,
                articles >= low && articles <= high);

        SoakSeries series = new SoakSeries(samples, length);
        heapCheck(
                result,
                "heap live data (jvm.gc.live.data.size), mean of last quarter",
                series,
                SoakSample::liveData,
                false);
        heapCheck(
                result,
                "heap used right after a forced full GC, mean of last quarter",
                series,
                SoakSample::heapUsed,
                true);
        SoakSeries.Stats threads = series.secondHalf(SoakSample::threadsLive, false);
        result.check(
                "live threads over the second half, max − min",
                "≤ " + THREAD_SPREAD,
                String.format(
                        Locale.ROOT, "%.0f (%.0f … %.0f)", threads.max() - threads.min(), threads.min(), threads.max()),
                threads.count() > 0 && threads.max() - threads.min() <= THREAD_SPREAD);
        SoakSeries.Stats files2 = series.quarter(2, SoakSample::filesOpen, false);
        SoakSeries.Stats files4 = series.quarter(4, SoakSample::filesOpen, false);
        result.check(
                "open files, max of last quarter",
                String.format(Locale.ROOT, "≤ max of 2nd quarter (%.0f) + %d", files2.max(), FILES_GROWTH),
                String.format(Locale.ROOT, "%.0f", files4.max()),
                files4.count() > 0 && files4.max() <= files2.max() + FILES_GROWTH);
    }

    private static void heapCheck(
            DrillResult result,
            String what,
            SoakSeries series,
            java.util.function.ToDoubleFunction<SoakSample> value,
            boolean onlyAfterFullGc) {
        SoakSeries.Stats q2 = series.quarter(2, value, onlyAfterFullGc);
        SoakSeries.Stats q4 = series.quarter(4, value, onlyAfterFullGc);
        double bound = Math.max(q2.mean() * (1 + HEAP_MARGIN_RATIO), q2.mean() + HEAP_MARGIN_BYTES);
        result.check(
                what,
                String.format(
                        Locale.ROOT,
                        "≤ %.1f MB (2nd quarter %.1f MB + max(20 %%, 30 MB))",
                        SoakSample.mb(bound),
                        SoakSample.mb(q2.mean())),
                String.format(Locale.ROOT, "%.1f MB (%d samples)", SoakSample.mb(q4.mean()), q4.count()),
                q2.count() > 0 && q4.count() > 0 && q4.mean() <= bound);
    }

    private static String summary(List<SoakSample> samples, Duration length) {
        SoakSeries series = new SoakSeries(samples, length);
        StringBuilder out = new StringBuilder(
                "Per quarter of the soak (mean, and min … max; heap after GC from the forced full GCs "
                        + "only). Samples: `target/reliability/soak.csv`.\n\n"
                        + "| quarter | live data MB | heap after full GC MB | heap used MB (all samples) | live threads | open files | RSS MB | articles (end) | stories (end) |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        for (int q = 1; q <= 4; q++) {
            out.append("| ")
                    .append(q)
                    .append(" | ")
                    .append(mbCell(series.quarter(q, SoakSample::liveData, false)))
                    .append(" | ")
                    .append(mbCell(series.quarter(q, SoakSample::heapUsed, true)))
                    .append(" | ")
                    .append(mbCell(series.quarter(q, SoakSample::heapUsed, false)))
                    .append(" | ")
                    .append(cell(series.quarter(q, SoakSample::threadsLive, false), 1))
                    .append(" | ")
                    .append(cell(series.quarter(q, SoakSample::filesOpen, false), 1))
                    .append(" | ")
                    .append(mbCell(series.quarter(q, SoakSample::rssBytes, false)))
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT,
                            "%.0f",
                            series.quarter(q, SoakSample::articles, false).max()))
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT,
                            "%.0f",
                            series.quarter(q, SoakSample::stories, false).max()))
                    .append(" |\n");
        }
        out.append(String.format(
                Locale.ROOT,
                "%nPeak threads (jvm.threads.peak) at the end: %.0f; ingest queue depth at the end: %.0f.",
                samples.getLast().threadsPeak(),
                samples.getLast().queueDepth()));
        return out.toString();
    }

    private static String mbCell(SoakSeries.Stats s) {
        return s.count() == 0
                ? "–"
                : String.format(
                        Locale.ROOT,
                        "%.1f (%.1f … %.1f)",
                        SoakSample.mb(s.mean()),
                        SoakSample.mb(s.min()),
                        SoakSample.mb(s.max()));
    }

    private static String cell(SoakSeries.Stats s, double scale) {
        return s.count() == 0
                ? "–"
                : String.format(Locale.ROOT, "%.1f (%.0f … %.0f)", s.mean() * scale, s.min() * scale, s.max() * scale);
    }

    private static String runsNote(Runs runs, OutpostApi api) {
        double deliveries;
        try {
            deliveries = api.metric("outpost.alerts.deliveries");
        } catch (RuntimeException e) {
            deliveries = Double.NaN;
        }
        return String.format(
                Locale.ROOT,
                "Runs by status: %s. In-app alert deliveries for the subscription: %.0f.",
                runs.byStatus(),
                deliveries);
    }

    /** What the sources API says about the runs: counts by status, errors, and each source's last succeeded run. */
    record Runs(Map<String, Long> byStatus, long errors, Map<Integer, Instant> lastSucceededStart) {}

    private static Runs runs(OutpostApi api, List<Long> sources) {
        Map<String, Long> byStatus = new TreeMap<>();
        long errors = 0;
        Map<Integer, Instant> lastSucceeded = new LinkedHashMap<>();
        for (int k = 0; k < sources.size(); k++) {
            JsonNode list = api.get("/api/v1/sources/" + sources.get(k) + "/runs?limit=200")
                    .expect(200)
                    .body();
            for (JsonNode entry : list) {
                JsonNode run = entry.path("run");
                String status = run.path("status").asText();
                byStatus.merge(status, 1L, Long::sum);
                errors += run.path("errors").asLong();
                if (status.equals("succeeded")) { // it fetched everything its discovery listed
                    Instant started = Instant.parse(run.path("startedAt").asText());
                    lastSucceeded.merge(k, started, (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return new Runs(byStatus, errors, lastSucceeded);
    }

    private static void sleepUntil(Instant due) {
        long wait = Duration.between(Instant.now(), due).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
