package org.outpost.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;

/**
 * The mail server down for five minutes (GreenMail stopped: connections refused) while new
 * articles match an email subscription, then back on the same port. The app keeps its default
 * back-off (30 s, doubling, 8 attempts: the last one about an hour after the first), which must
 * cover the outage: every delivery arrives exactly once, none FAILED.
 */
final class SmtpDownDrill implements Drill {

    private static final int ARTICLES =
            Integer.parseInt(System.getenv().getOrDefault("OUTPOST_DRILL_SMTP_ARTICLES", "50"));
    private static final Duration DOWN =
            Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault("OUTPOST_DRILL_SMTP_DOWN_MINUTES", "5")));

    @Override
    public String name() {
        return "smtp-down";
    }

    @Override
    public DrillResult run(Path workDir) throws Exception {
        DrillResult result = new DrillResult(
                name(),
                "GreenMail stopped for " + DOWN.toMinutes() + " min while " + ARTICLES
                        + " crawled articles matched an instant email subscription, then started again on the same port;"
                        + " default retry settings (retry-delay 30 s doubling, max-attempts 8).");
        try (DrillElasticsearch es = DrillElasticsearch.start(workDir.resolve("elasticsearch"));
                GeneratedNewsSites sites = new GeneratedNewsSites(ARTICLES, 1);
                SmtpFixture smtp = new SmtpFixture().start()) {
            AppProcess app =
                    AppSteps.app(workDir.resolve("app"), es).mail(smtp.port()).build();
            try {
                app.start();
                OutpostApi api = app.api();
                AppSteps.subscribe(api, "Everything by email", null, List.of(AppSteps.email("analyst@example.org")));
                AppSteps.confirmEmail(api, smtp, "analyst@example.org");
                smtp.stop();
                Instant downAt = Instant.now();
                List<Long> sources = sites.addSources(api);
                boolean crawled = AppSteps.await(
                        Duration.ofMinutes(3), () -> es.countNow() >= ARTICLES && AppSteps.runsFinished(api, sources));
                long originals = es.originals();
                result.check(
                        "crawl finished while SMTP was down", ARTICLES + " indexed", es.count() + " indexed", crawled);
                java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
                boolean failing =
                        AppSteps.await(Duration.ofMinutes(1), () -> {
                            failed.set(api
                                    .get("/api/v1/notifications?status=pending&limit=500")
                                    .body()
                                    .findValues("lastError")
                                    .stream()
                                    .filter(e -> !e.isNull())
                                    .count());
                            return failed.get() >= originals;
                        });
                result.check(
                        "deliveries failing while SMTP was down",
                        originals + " pending with an error",
                        failed.get() + " pending with an error",
                        failing);

                AppSteps.sleep(Duration.between(Instant.now(), downAt.plus(DOWN)));
                smtp.start();
                Instant upAt = Instant.now();
                boolean settled = AppSteps.await(DOWN.plusMinutes(10), () -> AppSteps.unsettledDeliveries(api) == 0);
                Instant settledAt = Instant.now();
                result.check(
                        "deliveries settled after SMTP returned",
                        "none pending",
                        (settled ? "none pending " : "pending ") + AppSteps.seconds(upAt, settledAt)
                                + " after it returned",
                        settled);
                result.note("SMTP was down " + AppSteps.seconds(downAt, upAt) + ".");

                app.stop();
                try (AppDatabase db = AppDatabase.open(app.dataDir())) {
                    long planned = db.deliveries("email:");
                    result.checkEqual("email deliveries planned = stories indexed", originals, planned);
                    result.checkEqual(
                            "deliveries by status (database)", Map.of("SENT", planned), db.deliveryStatuses("email:"));
                    long retried = db.count(
                            "select count(*) from alert_delivery where channel like 'email:%' and attempts > 1");
                    result.checkEqual("deliveries with more than one attempt recorded", planned, retried);
                    result.note("Attempts per delivery: "
                            + db.grouped(
                                    "select cast(attempts as varchar), count(*) from"
                                            + " alert_delivery where channel like 'email:%' group by attempts order by attempts")
                            + ".");
                    Map<String, Integer> mails = smtp.countsById();
                    result.checkEqual("messages received = planned", planned, (long)
                            smtp.messageIds().size());
                    result.checkEqual("distinct Message-IDs = planned", planned, (long) mails.size());
                }
            } finally {
                app.stop();
            }
        }
        return result;
    }
}
