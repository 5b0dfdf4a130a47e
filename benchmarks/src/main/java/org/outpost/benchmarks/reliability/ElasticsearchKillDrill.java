package org.outpost.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;

/**
 * SIGKILL to Elasticsearch (every process of the node) a third of the way through a crawl; the
 * crawl goes on, its articles go to the durable ingest queue and the run ends DEGRADED; the node
 * starts again on the same data folder and port, and the app's queue drainer (every
 * {@code queue-drain-interval}, 15 s) indexes what waited. The app's health is polled every
 * second throughout. An instant subscription matching every article posts webhooks to a receiver
 * in the drill: articles that waited in the queue are published when drained, so every story is
 * still notified once.
 */
final class ElasticsearchKillDrill implements Drill {

    private static final String ALL = "/hook/all";
    private static final int ARTICLES =
            Integer.parseInt(System.getenv().getOrDefault("OUTPOST_DRILL_ARTICLES", "3000"));
    private static final Duration DOWN =
            Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("OUTPOST_DRILL_ES_DOWN_SECONDS", "30")));

    @Override
    public String name() {
        return "es-kill";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        DrillResult result = new DrillResult(
                name(),
                "SIGKILL to every Elasticsearch process when about a third of "
                        + ARTICLES
                        + " generated articles (2 sitemap sources) were indexed; the node stays down at least "
                        + DOWN.toSeconds()
                        + " s while the crawl goes on, then starts again on the same data folder and port.");
        try (DrillElasticsearch es = DrillElasticsearch.start(workDir.resolve("elasticsearch"));
                GeneratedNewsSites sites = new GeneratedNewsSites(ARTICLES, 2);
                WebhookReceiver hooks = new WebhookReceiver(Duration.ZERO)) {
            AppProcess app = AppSteps.app(workDir.resolve("app"), es).build();
            long originals = -1;
            boolean settled = false;
            try {
                app.start();
                OutpostApi api = app.api();
                // articles that waited in the queue are published when drained: each story still alerts once
                AppSteps.subscribe(api, "Everything", null, List.of(AppSteps.webhook(hooks.url(ALL))));
                try (HealthWatch health = new HealthWatch(app.url(), app::isAlive)) {
                    List<Long> sources = sites.addSources(api);
                    boolean third = AppSteps.await(Duration.ofMinutes(5), () -> es.countNow() >= ARTICLES / 3);
                    long before = es.count();
                    int killed = es.kill9();
                    Instant killedAt = Instant.now();
                    result.check(
                            "Elasticsearch killed mid-ingest",
                            ">= " + ARTICLES / 3 + " indexed, node processes killed",
                            before + " indexed, " + killed + " processes killed",
                            third && killed > 0 && before < ARTICLES);

                    double maxQueue = 0;
                    while (Duration.between(killedAt, Instant.now()).compareTo(DOWN) < 0) {
                        try {
                            maxQueue = Math.max(maxQueue, api.metric("outpost.ingest.queue.depth"));
                        } catch (RuntimeException e) {
                            // counted by the health watch
                        }
                        AppSteps.sleep(Duration.ofSeconds(1));
                    }
                    boolean crawlEndedWhileDown = AppSteps.runsFinished(api, sources);
                    String runsWhileDown = AppSteps.runSummary(api, sources);
                    es.startNode();
                    Instant backAt = Instant.now();
                    boolean drained = AppSteps.await(
                            Duration.ofMinutes(8),
                            () -> es.countNow() >= ARTICLES
                                    && AppSteps.runsFinished(api, sources)
                                    && api.metric("outpost.ingest.queue.depth") == 0);
                    Instant drainedAt = Instant.now();
                    result.check(
                            "articles queued while the index was away",
                            "> 0",
                            (long) maxQueue + " (largest queue depth)",
                            maxQueue > 0);
                    result.check(
                            "queue drained after the node returned",
                            "within 8 min",
                            (drained ? "" : "not ") + "drained " + AppSteps.seconds(backAt, drainedAt)
                                    + " after the node was up",
                            drained);
                    result.note("Node down for " + AppSteps.seconds(killedAt, backAt)
                            + " (its restart included); runs when it"
                            + " came back: " + runsWhileDown + (crawlEndedWhileDown ? " (the crawl had ended)" : "")
                            + "; at the end: " + AppSteps.runSummary(api, sources) + ".");

                    long docs = es.count();
                    result.checkEqual(
                            "documents in the index = articles served (copies included)", (long) ARTICLES, docs);
                    result.checkEqual("distinct URLs in the index", (long) ARTICLES, es.distinctUrls());
                    result.checkEqual("URLs indexed twice", 0, es.urlsIndexedTwice());
                    result.checkEqual("queue depth (metric)", 0.0, api.metric("outpost.ingest.queue.depth"));
                    result.check(
                            "app stayed up: process alive at every poll",
                            0 + " polls dead",
                            health.processDead() + " of " + health.polls() + " polls dead",
                            health.processDead() == 0);
                    result.check(
                            "app stayed up: health answered every poll",
                            "0 unanswered",
                            health.unanswered() + " of " + health.polls() + " unanswered; answers " + health.answers(),
                            health.unanswered() == 0);
                    result.note("Copies found by the pipeline: " + es.copies() + " of " + docs + " documents.");
                    // "Everything" is a language filter (en): see KillCrawlDrill
                    originals = es.originalsIn(AppSteps.EVERYTHING_LANGUAGE);
                    result.note("Stories indexed (originals): " + es.originals() + ", of which in English: " + originals
                            + ".");
                    settled = AppSteps.await(Duration.ofMinutes(3), () -> AppSteps.unsettledDeliveries(api) == 0);
                }
                app.stop();
                try (AppDatabase db = AppDatabase.open(app.dataDir())) {
                    result.checkEqual("ingest_queue rows (database)", 0L, db.queueDepth());
                    Map<String, Long> statuses = db.runStatuses();
                    result.check(
                            "a run recorded DEGRADED", ">= 1", statuses, statuses.getOrDefault("DEGRADED", 0L) >= 1);
                    String channel = AppSteps.webhookKey(hooks.url(ALL));
                    long planned = db.deliveries(channel);
                    result.check(
                            "deliveries settled", "none pending", settled ? "none pending" : "still pending", settled);
                    result.checkEqual(
                            "deliveries planned for 'Everything' = stories indexed in English (originals)",
                            originals,
                            planned);
                    result.checkEqual("deliveries SENT", Map.of("SENT", planned), db.deliveryStatuses(channel));
                    result.checkEqual("'Everything': distinct delivery ids received = planned", planned, (long)
                            hooks.distinct(ALL));
                    result.checkEqual("delivery ids received twice", 0, hooks.repeats(ALL));
                    result.checkEqual("event publications left unfinished (registry)", 0L, db.unfinishedPublications());
                }
            } finally {
                app.stop();
            }
        }
        return result;
    }
}
