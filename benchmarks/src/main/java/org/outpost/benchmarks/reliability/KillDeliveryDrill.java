package org.outpost.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;

/**
 * SIGKILL to the app while it works through a queue of deliveries: one subscription matching
 * every article of a crawled corpus, with a webhook that answers slowly (300 ms, so sends are in
 * flight when the kill comes) and an email channel to a real SMTP server. After the restart the
 * dead instance's claims lapse ({@code claim-timeout}, 20 s here instead of 2 min) and are sent.
 *
 * <p>At the crash edge delivery is at least once: a POST that reached the receiver but whose
 * SENT was not committed is sent again, with the same {@code X-Outpost-Delivery} id (email: the
 * same Message-ID). The drill counts those re-sends separately; after de-duplication by id every
 * planned delivery must have arrived exactly once.
 */
final class KillDeliveryDrill implements Drill {

    private static final int ARTICLES =
            Integer.parseInt(System.getenv().getOrDefault("OUTPOST_DRILL_DELIVERY_ARTICLES", "600"));
    private static final String HOOK = "/hook/all";
    private static final Duration ANSWER_DELAY = Duration.ofMillis(300);
    private static final int SENDER_THREADS = 4;

    @Override
    public String name() {
        return "kill-delivery";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        DrillResult result = new DrillResult(
                name(),
                "A subscription matching every article of " + ARTICLES
                        + " crawled articles, channels webhook (receiver answers after " + ANSWER_DELAY.toMillis()
                        + " ms) and email (GreenMail); SIGKILL to the app when a third of the webhooks had arrived; restart with"
                        + " outpost.alerts.claim-timeout=20s; wait until nothing is pending.");
        try (DrillElasticsearch es = DrillElasticsearch.start(workDir.resolve("elasticsearch"));
                GeneratedNewsSites sites = new GeneratedNewsSites(ARTICLES, 1);
                WebhookReceiver hooks = new WebhookReceiver(ANSWER_DELAY);
                SmtpFixture smtp = new SmtpFixture().start()) {
            AppProcess app = AppSteps.app(workDir.resolve("app"), es)
                    .mail(smtp.port())
                    .set("outpost.alerts.claim-timeout", "20s")
                    .build();
            try {
                app.start();
                OutpostApi api = app.api();
                AppSteps.subscribe(
                        api,
                        "Everything",
                        null,
                        List.of(AppSteps.webhook(hooks.url(HOOK)), AppSteps.email("analyst@example.org")));
                AppSteps.confirmEmail(api, smtp, "analyst@example.org");
                List<Long> sources = sites.addSources(api);
                boolean crawled = AppSteps.await(
                        Duration.ofMinutes(5), () -> es.countNow() >= ARTICLES && AppSteps.runsFinished(api, sources));
                long originals = es.originals();
                result.check("crawl finished before the kill", ARTICLES + " indexed", es.count() + " indexed", crawled);
                boolean third = AppSteps.await(Duration.ofMinutes(5), () -> hooks.distinct(HOOK) >= originals / 3);
                int webhooksBefore = hooks.distinct(HOOK);
                int mailsBefore = smtp.messageIds().size();
                app.kill9();
                Instant killedAt = Instant.now();
                result.check(
                        "kill came while deliveries were queued",
                        "a third of " + originals + " webhooks received",
                        webhooksBefore + " webhooks, " + mailsBefore + " emails received",
                        third && webhooksBefore < originals);

                app.start();
                Instant restarted = Instant.now();
                boolean settled = AppSteps.await(Duration.ofMinutes(8), () -> AppSteps.unsettledDeliveries(api) == 0);
                Instant settledAt = Instant.now();
                result.check(
                        "deliveries settled after the restart",
                        "none pending within 8 min",
                        (settled ? "none pending " : "still pending ") + AppSteps.seconds(restarted, settledAt)
                                + " after the restart",
                        settled);
                result.note("Restart took " + AppSteps.seconds(killedAt, restarted)
                        + "; the dead instance's claims lapse after"
                        + " the 20 s claim timeout, then the rest is sent.");

                app.stop();
                try (AppDatabase db = AppDatabase.open(app.dataDir())) {
                    String hookChannel = AppSteps.webhookKey(hooks.url(HOOK));
                    long plannedHooks = db.deliveries(hookChannel);
                    long plannedMails = db.deliveries("email:");
                    result.checkEqual("webhook deliveries planned = stories indexed", originals, plannedHooks);
                    result.checkEqual("email deliveries planned = stories indexed", originals, plannedMails);
                    result.checkEqual(
                            "deliveries SENT (database)",
                            Map.of("SENT", plannedHooks),
                            db.deliveryStatuses(hookChannel));
                    result.checkEqual(
                            "email deliveries SENT (database)",
                            Map.of("SENT", plannedMails),
                            db.deliveryStatuses("email:"));

                    int hookResent = hooks.repeats(HOOK);
                    Map<String, Integer> mails = smtp.countsById();
                    int mailResent =
                            mails.values().stream().mapToInt(c -> c - 1).sum();
                    result.check(
                            "re-sent after the crash, same delivery id (webhook + email)",
                            "<= " + SENDER_THREADS + " (sender threads)",
                            hookResent + " + " + mailResent,
                            hookResent + mailResent <= SENDER_THREADS);
                    result.checkEqual(
                            "webhook: distinct deliveries received exactly once after de-duplication by id",
                            plannedHooks,
                            (long) hooks.distinct(HOOK));
                    result.checkEqual(
                            "email: distinct Message-IDs received = planned", plannedMails, (long) mails.size());
                    result.checkEqual(
                            "webhook: delivery ids received with different stories (an id given twice)",
                            0,
                            hooks.idsWithDifferentStories(HOOK));
                    result.checkEqual("webhook POSTs without a delivery id", 0, hooks.postsWithoutId());
                    result.note(
                            "Received in all: " + hooks.received(HOOK) + " webhook POSTs for " + hooks.distinct(HOOK)
                                    + " delivery ids, " + smtp.messageIds().size() + " emails for " + mails.size()
                                    + " Message-IDs.");
                }
            } finally {
                app.stop();
            }
        }
        return result;
    }
}
