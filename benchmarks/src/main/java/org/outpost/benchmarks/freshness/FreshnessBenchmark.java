package org.outpost.benchmarks.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;
import org.outpost.benchmarks.reliability.DrillElasticsearch;
import org.outpost.benchmarks.reliability.SiteRequestLog;
import org.outpost.benchmarks.reliability.WebhookReceiver;

/**
 * How fresh news is (issue 19): from an article appearing in its source's feed to searchable and
 * to its instant alert at a webhook, for 200 sources that publish at different rates, with every
 * source polled every 15 minutes (the baseline) and with every source adaptive, in one run.
 *
 * <p>Both arms run side by side in one app on one Elasticsearch node: each arm has its own 200
 * loopback sources that publish at the same moments (the same {@link PublicationPlan}) different
 * stories, so both arms' pipelines carry the same load. Time is compressed by {@code k}: sources
 * publish {@code k} times as often, and the fixed interval, the adaptive bounds, the initial
 * interval, the history and the one-minute floor are divided by {@code k}. The wait for a poll is
 * scaled back by {@code k}; the app's work after the feed was served is reported as measured.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.freshness.FreshnessBenchmark [k]
 * [publishing minutes] [drain minutes]} with the app jar built ({@code OUTPOST_APP_JAR}).
 */
public final class FreshnessBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK = "/hook/analyst";
    private static final Duration FIXED = Duration.ofMinutes(15);

    private record Arm(int number, String name, String schedule, PublishingSites sites, List<Long> sources) {}

    private FreshnessBenchmark() {}

    public static void main(String[] args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Duration publishing = Duration.ofMinutes(args.length > 1 ? Integer.parseInt(args[1]) : 9);
        Duration drain = Duration.ofMinutes(args.length > 2 ? Integer.parseInt(args[2]) : 3);
        Duration warmUpAtMost = Duration.ofMinutes(6);
        // the adaptive sources' poll budget (outpost.crawler.adaptive.budget-interval, real time); 0 turns it off
        Duration budget = Duration.parse(System.getenv().getOrDefault("OUTPOST_FRESHNESS_BUDGET", "PT15M"));
        TimeCompression time = new TimeCompression(k);
        PublicationPlan plan = new PublicationPlan(20261206L);
        Path work = Files.createTempDirectory("outpost-freshness-");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        Instant start = Instant.now();
        Duration horizon = time.toReal(warmUpAtMost.plus(publishing).plus(drain).plusMinutes(5));
        String fixedSchedule = time.toWall(FIXED).toString();

        log("work folder " + work + ", k = " + k + ", load " + loadBefore);
        Map<String, Instant> alerted = new ConcurrentHashMap<>();
        try (DrillElasticsearch es = DrillElasticsearch.start(work.resolve("elasticsearch"));
                WebhookReceiver hooks = new WebhookReceiver(Duration.ZERO);
                PublishingSites fixedSites = new PublishingSites(1, plan, time, start, horizon, Clock.systemUTC());
                PublishingSites adaptiveSites = new PublishingSites(2, plan, time, start, horizon, Clock.systemUTC())) {
            hooks.onPost((at, body) -> {
                for (String url : articleUrls(body)) {
                    alerted.putIfAbsent(url, at);
                }
            });
            List<Arm> arms = List.of(
                    new Arm(
                            1,
                            "fixed PT15M (" + fixedSchedule + " in the run)",
                            fixedSchedule,
                            fixedSites,
                            new ArrayList<>()),
                    new Arm(2, "adaptive", "adaptive", adaptiveSites, new ArrayList<>()));
            AppProcess app = AppProcess.in(work.resolve("app"))
                    .elasticsearch(es.url())
                    .startTimeout(Duration.ofMinutes(6))
                    .set(
                            "outpost.crawler.benchmark-only-min-interval",
                            time.toWall(Duration.ofMinutes(1)).toString())
                    .set(
                            "outpost.crawler.adaptive.initial-interval",
                            time.toWall(Duration.ofMinutes(15)).toString())
                    .set(
                            "outpost.crawler.adaptive.min-interval",
                            time.toWall(Duration.ofMinutes(1)).toString())
                    .set(
                            "outpost.crawler.adaptive.budget-interval",
                            time.toWall(budget).toString())
                    .set(
                            "outpost.crawler.adaptive.prompt-interval",
                            time.toWall(Duration.ofMinutes(1)).toString())
                    .set(
                            "outpost.crawler.adaptive.max-interval",
                            time.toWall(Duration.ofHours(6)).toString())
                    .set(
                            "outpost.crawler.adaptive.history",
                            time.toWall(Duration.ofDays(30)).toString())
                    // 400 sources, the fixed ones every 15 s of the run: two threads would queue runs and the
                    // baseline would poll less often than it says
                    .set("outpost.crawler.threads", "16")
                    // one analyst subscription matching everything: grouping a "storm" would hold alerts back
                    .set("outpost.alerts.storm-threshold", "1000000")
                    .build();
            try (SearchableWatch searchable = new SearchableWatch(es.url(), "outpost-articles")) {
                app.start();
                OutpostApi api = app.api();
                subscribe(api, hooks.url(HOOK));
                // the arms' sources added in turns, so neither gets its first runs earlier, by several
                // clients at once: one after another took 3 s each on the loaded machine
                List<long[]> added = java.util.Collections.synchronizedList(new ArrayList<>());
                try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                    for (int site = 0; site < Tier.totalSources(); site++) {
                        for (Arm arm : arms) {
                            int s = site;
                            pool.submit(() -> added.add(new long[] {arm.number(), s, addSource(api, arm, s, plan)}));
                        }
                    }
                }
                for (Arm arm : arms) {
                    long[] ids = new long[Tier.totalSources()];
                    added.stream().filter(a -> a[0] == arm.number()).forEach(a -> ids[(int) a[1]] = a[2]);
                    for (long id : ids) {
                        if (id == 0) {
                            throw new IllegalStateException("a source of arm " + arm.number() + " was not added");
                        }
                        arm.sources().add(id);
                    }
                }
                Instant addedAt = Instant.now();
                log("sources added; warming up (first runs fetch each source's backlog)");
                awaitFirstPolls(arms, addedAt.plus(warmUpAtMost));
                sleep(Duration.ofSeconds(30));
                Instant from = Instant.now();
                log("measuring articles published from " + from + " for " + publishing.toMinutes() + " min");
                sleep(publishing);
                Instant publishedUntil = Instant.now();
                log("publishing window over; " + drain.toMinutes() + " min more for the last articles to arrive");
                sleep(drain);
                Instant until = Instant.now();
                String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();

                StringBuilder report = new StringBuilder();
                report.append(String.format(
                        Locale.ROOT,
                        "Freshness: k = %d (1 s of the run = %d s of real time), adaptive budget %s, articles published in %d min of the"
                                + " run (%.1f h real) measured, %d min more to arrive; %d sources per arm; load %s before,"
                                + " %s after; app searchable-watch failures %d%n%n",
                        k,
                        k,
                        budget,
                        publishing.toMinutes(),
                        time.toReal(publishing).toMinutes() / 60.0,
                        drain.toMinutes(),
                        Tier.totalSources(),
                        loadBefore,
                        loadAfter,
                        searchable.failures()));
                Map<Long, JsonNode> listed = sourcesById(api);
                for (Arm arm : arms) {
                    List<ItemTimes> items = times(arm.sites(), from, publishedUntil, searchable, alerted);
                    report.append("### Arm: ").append(arm.name()).append("\n\n");
                    report.append(FreshnessFigures.Row.header()).append('\n');
                    report.append(FreshnessFigures.row(
                                            "several a day or more",
                                            items,
                                            i -> i.tier().severalADayOrMore(),
                                            time)
                                    .markdown())
                            .append('\n');
                    report.append(FreshnessFigures.row(
                                            "the rest", items, i -> !i.tier().severalADayOrMore(), time)
                                    .markdown())
                            .append('\n');
                    for (Tier tier : Tier.values()) {
                        if (tier != Tier.SILENT) {
                            report.append(FreshnessFigures.row(tier.label, items, i -> i.tier() == tier, time)
                                            .markdown())
                                    .append('\n');
                        }
                    }
                    report.append('\n').append(requests(arm, from, until, time)).append('\n');
                    report.append(paces(arm, listed, time)).append('\n');
                }
                Files.writeString(work.resolve("report.md"), report);
                System.out.println();
                System.out.println(report);
                log("report written to " + work.resolve("report.md") + "; app log " + app.log());
            } finally {
                app.stop();
            }
        }
    }

    private static void subscribe(OutpostApi api, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Everything new");
        body.put("languages", List.of("en"));
        body.put("frequency", "instant");
        body.put("channels", List.of(Map.of("type", "webhook", "url", url)));
        api.post("/api/v1/subscriptions", body).expect(201);
    }

    private static long addSource(OutpostApi api, Arm arm, int site, PublicationPlan plan) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", "Arm " + arm.number() + " source " + (site + 1) + " (" + Tier.of(site).label + ")");
        source.put("type", plan.atom(site) ? "ATOM" : "RSS");
        source.put("url", arm.sites().feedUrl(site));
        source.put("schedule", arm.schedule());
        source.put("timezone", "UTC");
        source.put("enabled", true);
        source.put("language", "en");
        source.put("allowPrivate", true);
        return api.post("/api/v1/sources", source).expect(201).body().path("id").asLong();
    }

    /** Until every source of every arm has been polled once (its first run has begun), or the deadline. */
    private static void awaitFirstPolls(List<Arm> arms, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            boolean all = true;
            for (Arm arm : arms) {
                long polled = arm.sites().requests().all().stream()
                        .filter(r -> r.path().equals(PublishingSites.FEED))
                        .map(SiteRequestLog.Request::site)
                        .distinct()
                        .count();
                all &= polled >= arm.sites().sites();
            }
            if (all) {
                return;
            }
            sleep(Duration.ofSeconds(2));
        }
        log("warm-up deadline reached before every source was polled once");
    }

    /** Every article published in the window, with when the fixture served and the index and webhook saw it. */
    static List<ItemTimes> times(
            PublishingSites sites,
            Instant from,
            Instant until,
            SearchableWatch searchable,
            Map<String, Instant> alerted) {
        Map<Integer, List<SiteRequestLog.Request>> feedAnswers = new HashMap<>();
        Map<String, Instant> pageFetched = new HashMap<>();
        for (SiteRequestLog.Request r : sites.requests().all()) {
            int site = sites.site(r.site());
            if (r.status() == 200 && r.path().equals(PublishingSites.FEED)) {
                feedAnswers.computeIfAbsent(site, s -> new ArrayList<>()).add(r);
            } else if (r.status() == 200 && r.articlePage()) {
                pageFetched.merge(r.url(), r.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        feedAnswers.values().forEach(list -> list.sort(java.util.Comparator.comparing(SiteRequestLog.Request::at)));
        List<ItemTimes> out = new ArrayList<>();
        for (PublishingSites.Item item : sites.items()) {
            if (item.publishedAt().isBefore(from) || item.publishedAt().isAfter(until)) {
                continue;
            }
            Instant served = null;
            for (SiteRequestLog.Request r : feedAnswers.getOrDefault(item.site(), List.of())) {
                if (!r.at().isBefore(item.publishedAt())) {
                    // the feed shows the newest WINDOW: an answer after more than that many newer ones misses it
                    if (sites.count(item.site(), r.at()) - item.number() <= PublishingSites.WINDOW) {
                        served = r.at();
                    }
                    break;
                }
            }
            out.add(new ItemTimes(
                    Tier.of(item.site()),
                    item.publishedAt(),
                    served,
                    pageFetched.get(item.url()),
                    searchable.firstSeen(item.url()),
                    alerted.get(normal(item.url()))));
        }
        return out;
    }

    /** Requests per real day at the fixture, all and by kind, and feed polls per source per real day by tier. */
    private static String requests(Arm arm, Instant from, Instant until, TimeCompression time) {
        Duration window = Duration.between(from, until);
        List<SiteRequestLog.Request> in = arm.sites().requests().all().stream()
                .filter(r -> !r.at().isBefore(from) && r.at().isBefore(until))
                .toList();
        Map<String, Long> byKind = new TreeMap<>();
        Map<Tier, Long> feedPollsByTier = new TreeMap<>();
        for (SiteRequestLog.Request r : in) {
            String kind = r.path().equals(PublishingSites.FEED)
                    ? "feed " + r.status()
                    : r.articlePage() ? "article page" : r.path();
            byKind.merge(kind, 1L, Long::sum);
            if (r.path().equals(PublishingSites.FEED)) {
                feedPollsByTier.merge(Tier.of(arm.sites().site(r.site())), 1L, Long::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "Requests per real day at the sources: **%,.0f** (%d in %d s of the run);",
                time.perRealDay(in.size(), window),
                in.size(),
                window.toSeconds()));
        byKind.forEach(
                (kind, n) -> out.append(String.format(Locale.ROOT, " %s %,.0f;", kind, time.perRealDay(n, window))));
        out.append("\nFeed polls per source per real day:");
        feedPollsByTier.forEach((tier, n) -> out.append(
                String.format(Locale.ROOT, " %s %.0f;", tier.label, time.perRealDay(n, window) / tier.sources)));
        return out.append('\n').toString();
    }

    /** The adaptive intervals learned by the end, by tier, as real minutes (min / median / max). */
    private static String paces(Arm arm, Map<Long, JsonNode> listed, TimeCompression time) {
        Map<Tier, List<Double>> byTier = new TreeMap<>();
        for (int site = 0; site < arm.sources().size(); site++) {
            JsonNode pace = listed.getOrDefault(arm.sources().get(site), JSON.missingNode())
                    .path("pace");
            JsonNode seconds =
                    pace.has("intervalSeconds") ? pace.path("intervalSeconds") : pace.path("interval_seconds");
            if (!seconds.isMissingNode() && !seconds.isNull()) {
                byTier.computeIfAbsent(Tier.of(site), t -> new ArrayList<>())
                        .add(time.toReal(Duration.ofSeconds(seconds.asLong())).toSeconds() / 60.0);
            }
        }
        if (byTier.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Learned intervals at the end, real minutes (min / median / max):");
        byTier.forEach((tier, minutes) -> out.append(String.format(
                Locale.ROOT,
                " %s %.0f / %.0f / %.0f;",
                tier.label,
                minutes.stream().mapToDouble(d -> d).min().orElse(0),
                Percentiles.at(minutes, 0.5),
                minutes.stream().mapToDouble(d -> d).max().orElse(0))));
        return out.append('\n').toString();
    }

    private static Map<Long, JsonNode> sourcesById(OutpostApi api) {
        Map<Long, JsonNode> out = new HashMap<>();
        JsonNode body = api.get("/api/v1/sources").expect(200).body();
        JsonNode list = body.isArray() ? body : body.path("items");
        list.forEach(s -> out.put(s.path("id").asLong(), s));
        return out;
    }

    /** The article URLs a webhook body carries. */
    static List<String> articleUrls(byte[] body) {
        List<String> urls = new ArrayList<>();
        try {
            JSON.readTree(body)
                    .path("articles")
                    .forEach(a -> urls.add(normal(a.path("url").asText())));
        } catch (java.io.IOException e) {
            // not an alert: nothing to time
        }
        return urls;
    }

    /** A URL as both sides are compared: scheme, host, port and path. */
    static String normal(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " freshness: " + line);
    }
}
