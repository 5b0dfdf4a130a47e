package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class ReportClaimTest extends ReportTestSupport {

    @Test
    void twoInstancesPollingAtOnceRunADueReportOnceAndMoveItsNextRunOn() throws Exception {
        try (ReportsHarness first = new ReportsHarness(database, index, null);
                ReportsHarness second = new ReportsHarness(database, index, null)) {
            Report report = first.reports().create(daily("Shared", List.of(), List.of(), "0 0 7 * * *"), ANALYST);
            Instant due = Instant.parse("2026-03-10T07:00:00Z");
            first.jdbc
                    .sql("update report set next_run_at = ? where id = ?")
                    .params(due.atOffset(ZoneOffset.UTC), report.id())
                    .update();
            Instant now = due.plusSeconds(20);

            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = threads.submit(() -> {
                    together.await();
                    return first.bean(ReportScheduler.class).startDue(now, false);
                });
                Future<Integer> b = threads.submit(() -> {
                    together.await();
                    return second.bean(ReportScheduler.class).startDue(now, false);
                });
                assertThat(a.get() + b.get()).isEqualTo(1);
            } finally {
                threads.shutdownNow();
            }

            List<ReportRun> runs = first.reports().runs(report.id(), ANALYST, 10);
            assertThat(runs).hasSize(1);
            assertThat(runs.getFirst().trigger()).isEqualTo(ReportRun.Trigger.SCHEDULED);
            assertThat(runs.getFirst().periodEnd())
                    .as("the period ends at the scheduled time")
                    .isEqualTo(due);
            assertThat(runs.getFirst().status()).isEqualTo(ReportRun.Status.SUCCEEDED);
            assertThat(first.reports().get(report.id(), ANALYST).nextRunAt())
                    .isEqualTo(Instant.parse("2026-03-11T07:00:00Z"));
            assertThat(second.bean(ReportScheduler.class).startDue(now.plusSeconds(30), false))
                    .isZero();
        }
    }

    @Test
    void theSchedulerPollsOnItsOwnAndRunsADueReport() throws Exception {
        try (ReportsHarness app = new ReportsHarness(
                database,
                index,
                null,
                java.util.Map.of("outpost.reports.scheduler", "true", "outpost.reports.poll-interval", "200ms"))) {
            Report report = app.reports().create(daily("Polled", List.of(), List.of(), "0 0 7 * * *"), ANALYST);
            Instant due = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            app.jdbc
                    .sql("update report set next_run_at = ? where id = ?")
                    .params(due.atOffset(ZoneOffset.UTC), report.id())
                    .update();

            long deadline = System.nanoTime() + 30_000_000_000L;
            List<ReportRun> runs = List.of();
            while (System.nanoTime() < deadline) {
                runs = app.reports().runs(report.id(), ANALYST, 10);
                if (!runs.isEmpty() && runs.getFirst().status() != ReportRun.Status.RUNNING) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(runs).hasSize(1);
            assertThat(runs.getFirst().status()).isEqualTo(ReportRun.Status.SUCCEEDED);
            assertThat(runs.getFirst().periodEnd()).isEqualTo(due);
            assertThat(app.reports().get(report.id(), ANALYST).nextRunAt()).isAfter(Instant.now());
        }
    }

    @Test
    void aRunLeftRunningByAStoppedInstanceIsMarkedFailed() {
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            Report report = app.reports().create(daily("Abandoned", List.of(), List.of(), null), ANALYST);
            ReportRepository repository = app.bean(ReportRepository.class);
            long runId = repository.insertRun(
                    report.id(),
                    ReportRun.Trigger.SCHEDULED,
                    Instant.parse("2026-03-09T07:00:00Z"),
                    Instant.parse("2026-03-10T07:00:00Z"));
            app.jdbc
                    .sql("update report_run set started_at = ? where id = ?")
                    .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), runId)
                    .update();

            app.bean(ReportScheduler.class).poll();

            ReportRun run = app.reports().run(report.id(), runId, ANALYST);
            assertThat(run.status()).isEqualTo(ReportRun.Status.FAILED);
            assertThat(run.error()).contains("stopped");
        }
    }
}
