package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.QueryLimits;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class ReportLimitsTest extends ReportTestSupport {

    @Test
    void aScheduleFiringMoreOftenThanTheMinimumIntervalIsRefusedNamingTheSchedule() {
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            for (String cron : List.of("* * * * * *", "0 */5 * * * *", "0 0,1 6 * * *")) {
                assertThatThrownBy(
                                () -> app.reports().create(daily("Flood " + cron, List.of(), List.of(), cron), ANALYST))
                        .as(cron)
                        .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                            assertThat(e.field()).isEqualTo("schedule");
                            assertThat(e.getMessage()).contains("at most once every 60 minutes");
                        });
            }
            assertThat(app.reports()
                            .create(daily("Hourly", List.of(), List.of(), "0 0 * * * *"), ANALYST)
                            .id())
                    .isPositive();
        }
        try (ReportsHarness app =
                new ReportsHarness(database + "b", index, null, Map.of("outpost.reports.min-interval", "1m"))) {
            assertThat(app.reports()
                            .create(daily("Every 5", List.of(), List.of(), "0 */5 * * * *"), ANALYST)
                            .id())
                    .as("the minimum is a setting")
                    .isPositive();
        }
    }

    @Test
    void aRunInProgressMakesRunNowBusyAndSkipsTheScheduledFiringOnEveryInstance() {
        try (ReportsHarness first = new ReportsHarness(database, index, null);
                ReportsHarness second = new ReportsHarness(database, index, null)) {
            Report report = first.reports().create(daily("Busy", List.of(), List.of(), "0 0 7 * * *"), ANALYST);
            Instant due = Instant.parse("2026-03-10T07:00:00Z");
            first.jdbc
                    .sql("update report set next_run_at = ?, run_started_at = ? where id = ?")
                    .params(
                            due.atOffset(ZoneOffset.UTC),
                            Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC),
                            report.id())
                    .update();

            assertThatThrownBy(() -> second.reports().runNow(report.id(), ANALYST))
                    .isInstanceOf(ReportBusyException.class)
                    .hasMessageContaining("in progress");
            assertThat(second.bean(ReportScheduler.class).startDue(due.plusSeconds(5), false))
                    .isZero();
            assertThat(first.reports().runs(report.id(), ANALYST, 10)).isEmpty();
            assertThat(first.reports().get(report.id(), ANALYST).nextRunAt())
                    .as("the skipped firing is not queued: the schedule moved on")
                    .isEqualTo(Instant.parse("2026-03-11T07:00:00Z"));

            // a claim left by an instance that stopped an hour ago no longer holds the report
            first.jdbc
                    .sql("update report set run_started_at = ? where id = ?")
                    .params(Instant.now().minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC), report.id())
                    .update();
            long runId = second.bean(ReportRunner.class).runNowAndWait(report, ReportRun.Trigger.MANUAL, Instant.now());
            assertThat(first.reports().run(report.id(), runId, ANALYST).status())
                    .isEqualTo(ReportRun.Status.SUCCEEDED);
            assertThat(first.jdbc
                            .sql("select count(*) from report where id = ? and run_started_at is null")
                            .param(report.id())
                            .query(Long.class)
                            .single())
                    .as("a finished run lets the next one start")
                    .isEqualTo(1L);
        }
    }

    @Test
    void runNowIsLimitedPerUserWithTheTimeUntilTheNextIsAllowed() {
        try (ReportsHarness app =
                new ReportsHarness(database, index, null, Map.of("outpost.reports.run-now-limit", "2"))) {
            Report report = app.reports().create(daily("Limited", List.of(), List.of(), null), ANALYST);
            Instant now = Instant.now();
            for (Duration ago : List.of(Duration.ofMinutes(50), Duration.ofMinutes(10), Duration.ofHours(2))) {
                app.jdbc
                        .sql("insert into report_run (report_id, trigger_kind, status, period_start, period_end,"
                                + " started_at, finished_at, requested_by) values (?, 'MANUAL', 'SUCCEEDED', ?, ?, ?,"
                                + " ?, 'analyst')")
                        .params(
                                report.id(),
                                now.minus(ago).minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC),
                                now.minus(ago).atOffset(ZoneOffset.UTC),
                                now.minus(ago).atOffset(ZoneOffset.UTC),
                                now.minus(ago).atOffset(ZoneOffset.UTC))
                        .update();
            }

            assertThatThrownBy(() -> app.reports().runNow(report.id(), ANALYST))
                    .isInstanceOfSatisfying(ReportRunLimitException.class, e -> {
                        assertThat(e.limit()).isEqualTo(2);
                        // the run of 50 minutes ago leaves the hour in about 10 minutes
                        assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
                    });
            ReportService.Caller admin = new ReportService.Caller("admin", true, false);
            assertThat(app.reports().runNow(report.id(), admin))
                    .as("another user's runs are counted apart")
                    .isPositive();
        }
    }

    @Test
    void runHistoryIsKeptByCountPerReportAndByAge() {
        try (ReportsHarness app = new ReportsHarness(
                database,
                index,
                null,
                Map.of("outpost.reports.keep-runs", "3", "outpost.reports.keep-runs-for", "30d"))) {
            Report kept = app.reports().create(daily("Kept", List.of(), List.of(), null), ANALYST);
            Report other = app.reports().create(daily("Other", List.of(), List.of(), null), ANALYST);
            Instant now = Instant.now();
            IntStream.range(0, 6).forEach(i -> insertRun(app, kept.id(), "SUCCEEDED", now.minus(Duration.ofHours(i))));
            insertRun(app, kept.id(), "RUNNING", now.minus(Duration.ofHours(10)));
            insertRun(app, other.id(), "FAILED", now.minus(Duration.ofDays(40)));
            insertRun(app, other.id(), "SUCCEEDED", now.minus(Duration.ofDays(1)));

            assertThat(app.bean(ReportScheduler.class).forgetOldRuns()).isEqualTo(4);

            List<ReportRun> runs = app.reports().runs(kept.id(), ANALYST, 50);
            assertThat(runs)
                    .extracting(ReportRun::status)
                    .as("the newest three finished ones, and the one still running")
                    .containsExactly(
                            ReportRun.Status.SUCCEEDED,
                            ReportRun.Status.SUCCEEDED,
                            ReportRun.Status.SUCCEEDED,
                            ReportRun.Status.RUNNING);
            assertThat(app.reports().runs(other.id(), ANALYST, 50))
                    .singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(ReportRun.Status.SUCCEEDED));
        }
    }

    @Test
    void recipientsAreCappedByASettingAndListsThatWouldNotFitTheirColumnAreRefused() {
        try (ReportsHarness app =
                new ReportsHarness(database, index, null, Map.of("outpost.reports.max-recipients", "2"))) {
            assertThatThrownBy(() -> app.reports()
                            .create(
                                    daily(
                                            "Many",
                                            List.of(),
                                            List.of("a@x.example", "b@x.example", "c@x.example"),
                                            null),
                                    ANALYST))
                    .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                        assertThat(e.field()).isEqualTo("recipients");
                        assertThat(e.getMessage()).contains("at most 2");
                    });
            List<String> sources = IntStream.range(0, 40)
                    .mapToObj(i -> i + "-" + "s".repeat(290))
                    .toList();
            assertThatThrownBy(() -> app.reports()
                            .create(
                                    new ReportDefinition(
                                            "Long sources",
                                            "day",
                                            null,
                                            "UTC",
                                            List.of(),
                                            null,
                                            sources,
                                            List.of(),
                                            true),
                                    ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("sources"));
        }
    }

    @Test
    void aReportQueryKeepsTheCallersQueryLimits() {
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            ReportService.Caller limited =
                    new ReportService.Caller("analyst", false, false, new QueryLimits(20, false));
            assertThatThrownBy(() -> app.reports()
                            .create(
                                    new ReportDefinition(
                                            "Wild", "day", null, "UTC", List.of(), "*stan", List.of(), List.of(), true),
                                    limited))
                    .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                        assertThat(e.field()).isEqualTo("query");
                        assertThat(e.getMessage()).contains("not allowed for your role");
                    });
            assertThatThrownBy(() -> app.reports()
                            .create(
                                    new ReportDefinition(
                                            "Long",
                                            "day",
                                            null,
                                            "UTC",
                                            List.of(),
                                            "border ".repeat(5),
                                            List.of(),
                                            List.of(),
                                            true),
                                    limited))
                    .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                        assertThat(e.field()).isEqualTo("query");
                        assertThat(e.getMessage()).contains("at most 20");
                    });
        }
    }

    private static void insertRun(ReportsHarness app, long reportId, String status, Instant started) {
        app.jdbc
                .sql("insert into report_run (report_id, trigger_kind, status, period_start, period_end, started_at,"
                        + " finished_at) values (?, 'SCHEDULED', ?, ?, ?, ?, ?)")
                .params(
                        reportId,
                        status,
                        started.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC),
                        started.atOffset(ZoneOffset.UTC),
                        started.atOffset(ZoneOffset.UTC),
                        status.equals("RUNNING") ? null : started.atOffset(ZoneOffset.UTC))
                .update();
    }
}
