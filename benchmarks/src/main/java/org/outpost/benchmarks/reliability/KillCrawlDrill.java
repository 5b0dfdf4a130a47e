package org.outpost.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;

/**
 * SIGKILL to the app a third of the way through a crawl of generated sites, with subscriptions
 * sending webhooks meanwhile; then a restart on the same data folder, and the app's own recovery
 * (Quartz re-fires the interrupted job once the dead run's lease has lapsed) finishes the crawl.
 * Checked against the source and the drill's own Elasticsearch and webhook receiver: every
 * article indexed once, the killed runs recorded, every story notified once.
 *
 * <p>Elasticsearch runs in the drill, not in the app: with the app's own node the SIGKILL would
 * take the node down too (it dies with its parent), mixing this drill with {@code es-kill}, and
 * the index could not be counted while the app is down.
 */
final class KillCrawlDrill implements Drill {

    private static final int ARTICLES =
            Integer.parseInt(System.getenv().getOrDefault("OUTPOST_DRILL_ARTICLES", "3000"));
    private static final String ALL = "/hook/all";
    private static final String BORDER = "/hook/border";
    /** Sends in flight at the kill: sent, but the SENT not committed, so sent again after the restart. */
    private static final int SENDER_THREADS = 4;

    @Override
    public String name() {
        return "kill-crawl";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        DrillResult result = new DrillResult(
                name(),
                "SIGKILL to the app when about a third of " + ARTICLES
                        + " generated articles (2 sitemap sources) were indexed; restart on the same data folder; the app's"
                        + " own recovery finishes the crawl. Two instant subscriptions post webhooks to a receiver in the drill.");
        try (DrillElasticsearch es = DrillElasticsearch.start(workDir.resolve("elasticsearch"));
                GeneratedNewsSites sites = new GeneratedNewsSites(ARTICLES, 2);
                WebhookReceiver hooks = new WebhookReceiver(Duration.ZERO)) {
            AppProcess app = AppSteps.app(workDir.resolve("app"), es).build();
            try {
                app.start();
                OutpostApi api = app.api();
                AppSteps.subscribe(api, "Everything", null, List.of(AppSteps.webhook(hooks.url(ALL))));
                AppSteps.subscribe(api, "Border", "border", List.of(AppSteps.webhook(hooks.url(BORDER))));
                Instant crawlStart = Instant.now();
                List<Long> sources = sites.addSources(api);
                boolean third = AppSteps.await(Duration.ofMinutes(5), () -> es.countNow() >= ARTICLES / 3);
                app.kill9();
                Instant killedAt = Instant.now();
                long indexedAtKill = es.count();
                int postsAtKill = hooks.posts();
                result.check(
                        "crawl reached a third before the kill",
                        ">= " + ARTICLES / 3,
                        indexedAtKill + " indexed after " + AppSteps.seconds(crawlStart, killedAt),
                        third);

                app.start();
                Instant restarted = Instant.now();
                boolean complete = AppSteps.await(
                        Duration.ofMinutes(6), () -> es.countNow() >= ARTICLES && AppSteps.runsFinished(api, sources));
                Instant completedAt = Instant.now();
                boolean settled = AppSteps.await(Duration.ofMinutes(3), () -> AppSteps.unsettledDeliveries(api) == 0);
                String runs = AppSteps.runSummary(api, sources);
                result.note("Killed at " + indexedAtKill + " indexed and " + postsAtKill
                        + " webhooks received; restart took "
                        + AppSteps.seconds(killedAt, restarted) + "; the crawl was complete "
                        + AppSteps.seconds(restarted, completedAt) + " after the restart (runs by trigger and status: "
                        + runs + ").");
                result.check("crawl completed after the restart", "within 6 min", complete ? "yes" : "no", complete);
                result.check("deliveries settled", "none pending", settled ? "none pending" : "still pending", settled);

                long docs = es.count();
                result.checkEqual("documents in the index = articles served (copies included)", (long) ARTICLES, docs);
                result.checkEqual("distinct URLs in the index", (long) ARTICLES, es.distinctUrls());
                result.checkEqual("URLs indexed twice", 0, es.urlsIndexedTwice());
                // "Everything" is a language filter (en): a generated story the classifier reads as another
                // language (a few are, e.g. "uz") is no alert, and which copy of a story is its original depends on
                // timing
                long originals = es.originalsIn(AppSteps.EVERYTHING_LANGUAGE);
                result.note(
                        "Stories indexed (originals): " + es.originals() + ", of which in English: " + originals + ".");
                result.note("Copies found by the pipeline: " + es.copies() + " of " + docs + " documents.");

                app.stop();
                try (AppDatabase db = AppDatabase.open(app.dataDir())) {
                    Map<String, Long> statuses = db.runStatuses();
                    result.check(
                            "runs killed recorded as INTERRUPTED",
                            ">= 1",
                            statuses,
                            statuses.getOrDefault("INTERRUPTED", 0L) >= 1);
                    result.checkEqual("runs left RUNNING", 0L, statuses.getOrDefault("RUNNING", 0L));
                    String allChannel = AppSteps.webhookKey(hooks.url(ALL));
                    String borderChannel = AppSteps.webhookKey(hooks.url(BORDER));
                    long plannedAll = db.deliveries(allChannel);
                    long plannedBorder = db.deliveries(borderChannel);
                    result.checkEqual(
                            "deliveries planned for 'Everything' = stories indexed in English (originals)",
                            originals,
                            plannedAll);
                    result.checkEqual(
                            "deliveries SENT",
                            Map.of("SENT", plannedAll + plannedBorder),
                            merge(db.deliveryStatuses(allChannel), db.deliveryStatuses(borderChannel)));
                    result.checkEqual("'Everything': distinct delivery ids received = planned", plannedAll, (long)
                            hooks.distinct(ALL));
                    result.checkEqual("'Border': distinct delivery ids received = planned", plannedBorder, (long)
                            hooks.distinct(BORDER));
                    int resent = hooks.repeats(ALL) + hooks.repeats(BORDER);
                    result.check(
                            "re-sent after the crash, same delivery id",
                            "<= " + SENDER_THREADS + " (sender threads)",
                            resent,
                            resent <= SENDER_THREADS);
                    result.checkEqual(
                            "delivery ids received with different stories (an id given twice)",
                            0,
                            hooks.idsWithDifferentStories(ALL) + hooks.idsWithDifferentStories(BORDER));
                    result.checkEqual("webhook POSTs without a delivery id", 0, hooks.postsWithoutId());
                    result.checkEqual("event publications left unfinished (registry)", 0L, db.unfinishedPublications());
                }
            } finally {
                app.stop();
            }
        }
        return result;
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new java.util.TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
