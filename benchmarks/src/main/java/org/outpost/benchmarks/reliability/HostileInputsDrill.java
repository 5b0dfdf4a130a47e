package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;
import org.outpost.core.article.ArticleId;
import org.outpost.core.elasticsearch.DistributionLocator;
import org.outpost.core.elasticsearch.LocalElasticsearchNode;
import org.outpost.core.elasticsearch.LocalNodeSettings;

/**
 * 1,000 malformed pages, feeds and sitemaps ({@link HostileKind}, served by {@link HostileWeb})
 * mixed among 1,000 good articles in one crawl of 79 sources. Checks that the app stays up and
 * healthy, indexes every good article, reports each hostile input (or indexes its text
 * sanitised, for the kinds that carry real text), and keeps its heap bounded.
 */
final class HostileInputsDrill implements Drill {

    private static final Duration CRAWL_TIMEOUT = Duration.ofMinutes(30);
    /** Half of -Xmx1g: the live heap during the crawl must leave room for the next one. */
    private static final double LIVE_HEAP_LIMIT = 512 * 1024 * 1024;

    @Override
    public String name() {
        return "hostile-inputs";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        DrillResult result = new DrillResult(
                name(),
                "1,000 hostile inputs (900 pages linked from 18 feeds among 900 good "
                        + "articles, 40 broken sitemaps in a sitemap index beside 2 good ones with 100 articles, 60 broken feeds as "
                        + "sources of their own) crawled by the app (-Xmx1g, an Elasticsearch node started by the drill, per-host delay 100 ms so "
                        + "the crawl takes minutes rather than an hour; other crawler settings default).");
        HostileBodies.htmlGzipBomb(); // built before the crawl, so serving one is instant
        HostileBodies.xmlGzipBomb();
        // Elasticsearch started here rather than by the app: the app gives its own node 120 s, which a
        // loaded two-core machine does not always meet
        try (LocalElasticsearchNode es = LocalElasticsearchNode.start(
                        LocalNodeSettings.of(DistributionLocator.locate(null), workDir.resolve("elasticsearch"))
                                .withHeap("512m")
                                .withStartTimeout(Duration.ofMinutes(5)));
                HostileWeb web = new HostileWeb();
                AppProcess app = AppProcess.in(workDir.resolve("app"))
                        .elasticsearch(es.httpUri())
                        .heap("1g")
                        .startTimeout(Duration.ofMinutes(6))
                        .set("outpost.crawler.per-host-delay", "100ms")
                        .build()) {
            app.start();
            OutpostApi api = app.api();
            HealthWatch watch = new HealthWatch(app);
            Thread watcher = Thread.ofPlatform().daemon().name("health-watch").start(watch);
            Instant start = Instant.now();
            Map<Long, String> sources = createSources(api, web); // the app runs a new source at once
            boolean finished = awaitRuns(api, sources.size(), start.plus(CRAWL_TIMEOUT));
            Duration crawl = Duration.between(start, Instant.now());
            Thread.sleep(10_000); // health and heap a while after the crawl, too
            watch.stop();
            watcher.join();

            result.check(
                    "all 79 runs ended within " + CRAWL_TIMEOUT.toMinutes() + " min",
                    "yes",
                    finished ? "yes, in " + crawl.toSeconds() + " s" : "no",
                    finished);
            result.check(
                    "app process alive at every sample (every 5 s, during and 10 s after)",
                    watch.samples() + " of " + watch.samples(),
                    watch.alive() + " of " + watch.samples(),
                    watch.alive() == watch.samples());
            result.check(
                    "/actuator/health UP at every sample",
                    watch.samples() + " of " + watch.samples(),
                    watch.up() + " of " + watch.samples(),
                    watch.up() == watch.samples() && watch.samples() > 0);
            result.check(
                    "live heap (jvm.gc.live.data.size), max during the crawl",
                    String.format(Locale.ROOT, "≤ %.0f MB", SoakSample.mb(LIVE_HEAP_LIMIT)),
                    String.format(
                            Locale.ROOT,
                            "%.1f MB (heap used max %.1f MB)",
                            SoakSample.mb(watch.maxLiveData()),
                            SoakSample.mb(watch.maxHeapUsed())),
                    watch.maxLiveData() <= LIVE_HEAP_LIMIT);

            Map<String, Double> metricErrors = errorMetricsByKind(api);
            long apiErrors = runErrorsFromApi(api, sources.keySet());
            Indexed indexed = Indexed.read(api, web);
            app.stop();
            long fatal = countInLog(app.log(), "OutOfMemoryError") + countInLog(app.log(), "StackOverflowError");
            List<ErrorRow> rows = errorRows(app.dataDir());
            judge(result, web, indexed, rows, metricErrors, apiErrors, fatal);
        }
        return result;
    }

    private static Map<Long, String> createSources(OutpostApi api, HostileWeb web) {
        Map<Long, String> ids = new LinkedHashMap<>();
        for (int m = 0; m < HostileWeb.MIXED_SITES; m++) {
            ids.put(create(api, "Mixed " + m, "rss", web.mixedFeedUrl(m)), web.mixedFeedUrl(m));
        }
        ids.put(create(api, "Sitemap index", "sitemap", web.sitemapIndexUrl()), web.sitemapIndexUrl());
        for (HostileWeb.Input input : web.inputs()) {
            if (input.kind().form == HostileKind.Form.FEED) {
                ids.put(
                        create(api, "Hostile " + input.kind().slug() + " " + input.n(), "rss", input.url()),
                        input.url());
            }
        }
        return ids;
    }

    private static long create(OutpostApi api, String name, String type, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("url", url);
        body.put("schedule", "PT24H"); // only the manual run during the drill
        body.put("enabled", true);
        body.put("allowPrivate", true);
        body.put("language", "en");
        return api.post("/api/v1/sources", body).expect(201).body().path("id").asLong();
    }

    /** Until every source has a run and none is running. */
    private static boolean awaitRuns(OutpostApi api, int sources, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(5_000);
            try {
                JsonNode list = api.get("/api/v1/sources").expect(200).body();
                int done = 0;
                for (JsonNode s : list) {
                    JsonNode last = s.path("lastRun");
                    if (!last.isMissingNode()
                            && !last.isNull()
                            && !last.path("status").asText().equals("running")) {
                        done++;
                    }
                }
                System.out.println("hostile-inputs: " + done + " of " + sources + " sources crawled");
                if (done == sources) {
                    return true;
                }
            } catch (RuntimeException e) {
                System.out.println("hostile-inputs: sources list failed: " + e);
            }
        }
        return false;
    }

    private void judge(
            DrillResult result,
            HostileWeb web,
            Indexed indexed,
            List<ErrorRow> rows,
            Map<String, Double> metricErrors,
            long apiErrors,
            long fatal) {
        long goodIndexed = web.good().stream()
                .filter(g -> indexed.byUrl().containsKey(g.url()))
                .count();
        result.check(
                "good articles indexed",
                web.good().size(),
                goodIndexed,
                goodIndexed == web.good().size());

        Map<String, List<ErrorRow>> errorsByUrl = new HashMap<>();
        rows.forEach(r ->
                errorsByUrl.computeIfAbsent(r.url(), u -> new ArrayList<>()).add(r));
        Map<HostileKind, KindTally> tallies = new EnumMap<>(HostileKind.class);
        for (HostileWeb.Input input : web.inputs()) {
            KindTally t = tallies.computeIfAbsent(input.kind(), k -> new KindTally());
            t.served++;
            List<String> urls = input.kind() == HostileKind.FEED_HOSTILE_FIELDS
                    ? untitledUrls(web, input.n())
                    : List.of(input.url());
            boolean reported =
                    errorsByUrl.containsKey(input.url()) || urls.stream().allMatch(errorsByUrl::containsKey);
            List<Indexed.Article> found = urls.stream()
                    .map(indexed.byUrl()::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            boolean allIndexed = !found.isEmpty() && found.size() == urls.size();
            boolean sanitised = found.stream().allMatch(Indexed.Article::sanitised);
            if (reported) {
                t.reported++;
                errorsByUrl
                        .getOrDefault(input.url(), List.of())
                        .forEach(r -> t.errorKinds.merge(r.kind(), 1, Integer::sum));
                urls.stream()
                        .flatMap(u -> errorsByUrl.getOrDefault(u, List.of()).stream())
                        .filter(r -> !r.url().equals(input.url()))
                        .forEach(r -> t.errorKinds.merge(r.kind(), 1, Integer::sum));
            }
            if (!found.isEmpty()) {
                t.indexed++;
                if (!sanitised) {
                    t.unsanitised++;
                    if (t.example == null) {
                        t.example = found.stream()
                                .filter(a -> !a.sanitised())
                                .findFirst()
                                .map(Indexed.Article::problem)
                                .orElse("");
                    }
                }
            }
            if (!reported && !(allIndexed && sanitised && !input.kind().mustFail)) {
                t.unaccounted++;
            }
        }
        int served = tallies.values().stream().mapToInt(t -> t.served).sum();
        int unaccounted = tallies.values().stream().mapToInt(t -> t.unaccounted).sum();
        result.check(
                "hostile inputs reported, or (text-carrying kinds) indexed sanitised",
                served + " of " + served,
                (served - unaccounted) + " of " + served,
                unaccounted == 0);
        int mustFailIndexed = tallies.entrySet().stream()
                .filter(e -> e.getKey().mustFail)
                .mapToInt(e -> e.getValue().indexed)
                .sum();
        result.check("inputs without article text that were indexed anyway", 0, mustFailIndexed, mustFailIndexed == 0);
        int unsanitised = tallies.values().stream().mapToInt(t -> t.unsanitised).sum();
        result.check("indexed hostile articles with markup, NUL or an absurd date", 0, unsanitised, unsanitised == 0);
        result.check("OutOfMemoryError / StackOverflowError in the app log", 0, fatal, fatal == 0);
        long metricTotal = Math.round(
                metricErrors.values().stream().mapToDouble(Double::doubleValue).sum());
        result.check(
                "errors counted alike: runs' error counts (API) = crawl_error rows = outpost.crawler.errors",
                "equal",
                apiErrors + " = " + rows.size() + " = " + metricTotal,
                apiErrors == rows.size() && metricTotal == rows.size());
        result.note(table(tallies)).note("Errors by kind (metric `outpost.crawler.errors`): " + metricErrors + ".");
    }

    private static List<String> untitledUrls(HostileWeb web, int feed) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < HostileWeb.UNTITLED_PER_FIELDS_FEED; i++) {
            urls.add(web.untitledUrl(feed, i));
        }
        return urls;
    }

    private static String table(Map<HostileKind, KindTally> tallies) {
        StringBuilder out =
                new StringBuilder("By kind (reported = at least one crawl_error row for its URL; indexed = an "
                        + "article with its address exists; for hostile-fields feeds, the 10 untitled pages each points at):\n\n"
                        + "| kind | what | served | reported (error kinds) | indexed | of which unsanitised | neither |\n"
                        + "|---|---|---|---|---|---|---|\n");
        tallies.forEach((kind, t) -> out.append("| ")
                .append(kind.slug())
                .append(" | ")
                .append(kind.description.replace("|", "/"))
                .append(" | ")
                .append(t.served)
                .append(" | ")
                .append(t.reported)
                .append(t.errorKinds.isEmpty() ? "" : " " + t.errorKinds)
                .append(" | ")
                .append(t.indexed)
                .append(" | ")
                .append(t.unsanitised)
                .append(t.example == null ? "" : " (e.g. " + t.example.replace("|", "/") + ")")
                .append(" | ")
                .append(t.unaccounted)
                .append(" |\n"));
        return out.toString();
    }

    private static final class KindTally {
        int served;
        int reported;
        int indexed;
        int unsanitised;
        int unaccounted;
        String example;
        final Map<String, Integer> errorKinds = new TreeMap<>();
    }

    private static Map<String, Double> errorMetricsByKind(OutpostApi api) {
        Map<String, Double> byKind = new TreeMap<>();
        JsonNode meter = api.get("/actuator/metrics/outpost.crawler.errors").body();
        for (JsonNode tag : meter.path("availableTags")) {
            if (tag.path("tag").asText().equals("kind")) {
                for (JsonNode value : tag.path("values")) {
                    byKind.put(value.asText(), api.metric("outpost.crawler.errors", "kind:" + value.asText()));
                }
            }
        }
        return byKind;
    }

    private static long runErrorsFromApi(OutpostApi api, Iterable<Long> sources) {
        long total = 0;
        for (long id : sources) {
            for (JsonNode entry : api.get("/api/v1/sources/" + id + "/runs?limit=200")
                    .expect(200)
                    .body()) {
                total += entry.path("run").path("errors").asLong();
            }
        }
        return total;
    }

    record ErrorRow(String url, String kind, String reason) {}

    /** crawl_error as stored (the runs API shows 50 a run); read from the H2 file once the app has stopped. */
    static List<ErrorRow> errorRows(Path dataDir) throws SQLException {
        List<ErrorRow> rows = new ArrayList<>();
        String url =
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("outpost") + ";ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select url, kind, reason from crawl_error")) {
            while (r.next()) {
                rows.add(new ErrorRow(r.getString(1) == null ? "" : r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return rows;
    }

    static long countInLog(Path log, String text) throws java.io.IOException {
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    /** The app's health and heap every 5 s from another thread while the crawl runs. */
    static final class HealthWatch implements Runnable {
        private final AppProcess app;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private int samples;
        private int alive;
        private int up;
        private double maxLiveData;
        private double maxHeapUsed;

        HealthWatch(AppProcess app) {
            this.app = app;
        }

        @Override
        public void run() {
            OutpostApi api = app.api();
            while (running.get()) {
                synchronized (this) {
                    samples++;
                    if (app.isAlive()) {
                        alive++;
                        try {
                            if (api.get("/actuator/health")
                                    .body()
                                    .path("status")
                                    .asText()
                                    .equals("UP")) {
                                up++;
                            }
                            maxLiveData = Math.max(maxLiveData, api.metric("jvm.gc.live.data.size"));
                            maxHeapUsed = Math.max(maxHeapUsed, api.metric("jvm.memory.used", "area:heap"));
                        } catch (RuntimeException e) {
                            System.out.println("hostile-inputs: health sample failed: " + e);
                        }
                    }
                }
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running.set(false);
        }

        synchronized int samples() {
            return samples;
        }

        synchronized int alive() {
            return alive;
        }

        synchronized int up() {
            return up;
        }

        synchronized double maxLiveData() {
            return maxLiveData;
        }

        synchronized double maxHeapUsed() {
            return maxHeapUsed;
        }
    }

    /** Which of the drill's addresses became articles, read one by one through the articles API. */
    record Indexed(Map<String, Article> byUrl) {

        record Article(String url, String title, String body, Instant publishedAt) {

            boolean sanitised() {
                return problem() == null;
            }

            /** What is wrong with the stored article, or null. */
            String problem() {
                for (String field : List.of(title, body)) {
                    String lower = field.toLowerCase(Locale.ROOT);
                    if (lower.contains("<script")
                            || lower.contains("onerror=")
                            || lower.contains("<img")
                            || lower.contains("<iframe")) {
                        return "markup in " + (field == title ? "title" : "text") + ": "
                                + snippet(field, lower.indexOf('<'));
                    }
                    if (field.indexOf('\u0000') >= 0) {
                        return "NUL in " + (field == title ? "title" : "text");
                    }
                }
                if (publishedAt != null
                        && (publishedAt.isAfter(Instant.now().plus(Duration.ofDays(2)))
                                || publishedAt.isBefore(Instant.parse("1990-01-01T00:00:00Z")))) {
                    return "published " + publishedAt;
                }
                return null;
            }

            private static String snippet(String s, int at) {
                int from = Math.max(0, at);
                return "'" + s.substring(from, Math.min(s.length(), from + 60)).replace('\n', ' ') + "'";
            }
        }

        static Indexed read(OutpostApi api, HostileWeb web) {
            List<String> urls = new ArrayList<>();
            web.good().forEach(g -> urls.add(g.url()));
            for (HostileWeb.Input input : web.inputs()) {
                urls.add(input.url());
                if (input.kind() == HostileKind.FEED_HOSTILE_FIELDS) {
                    urls.addAll(untitledUrls(web, input.n()));
                }
            }
            Map<String, Article> found = new HashMap<>();
            for (String url : urls) {
                OutpostApi.Response r = api.get("/api/v1/articles/" + ArticleId.fromUrl(url));
                if (r.status() == 200) {
                    JsonNode a = r.body();
                    String published = a.path("publishedAt").asText(null);
                    found.put(
                            url,
                            new Article(
                                    url,
                                    a.path("title").asText(""),
                                    a.path("body").asText(""),
                                    published == null || a.path("publishedAt").isNull()
                                            ? null
                                            : Instant.parse(published)));
                }
            }
            return new Indexed(found);
        }
    }
}
