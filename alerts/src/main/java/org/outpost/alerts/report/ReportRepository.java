package org.outpost.alerts.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Report definitions and their runs in the database. */
@Repository
class ReportRepository {

    private static final String COLUMNS =
            "id, owner, name, period, schedule, timezone, topics, query, sources, languages, recipients,"
                    + " enabled, next_run_at, created_at, updated_at";
    private static final String RUN_COLUMNS =
            "id, report_id, trigger_kind, status, period_start, period_end, started_at," + " finished_at, error";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Report insert(String owner, ValidReport report, @Nullable Instant nextRunAt) {
        OffsetDateTime now = time(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into report (owner, name, period, schedule, timezone, topics, query, sources, languages,"
                            + " recipients, enabled, next_run_at, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            owner,
                            report.name(),
                            report.period().name(),
                            report.schedule().expression(),
                            report.zone().getId(),
                            lines(report.topics()),
                            report.query(),
                            lines(report.sources()),
                            lines(report.languages()),
                            lines(report.recipients()),
                            report.enabled(),
                            time(nextRunAt),
                            now,
                            now)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw duplicateName(report);
        }
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for report " + report.name());
        }
        return find(id.longValue()).orElseThrow();
    }

    Report update(long id, ValidReport report, @Nullable Instant nextRunAt) {
        try {
            int rows = jdbc.sql(
                            "update report set name = ?, period = ?, schedule = ?, timezone = ?, topics = ?, query = ?,"
                                    + " sources = ?, languages = ?, recipients = ?, enabled = ?, next_run_at = ?, updated_at = ?"
                                    + " where id = ?")
                    .params(
                            report.name(),
                            report.period().name(),
                            report.schedule().expression(),
                            report.zone().getId(),
                            lines(report.topics()),
                            report.query(),
                            lines(report.sources()),
                            lines(report.languages()),
                            lines(report.recipients()),
                            report.enabled(),
                            time(nextRunAt),
                            time(Instant.now()),
                            id)
                    .update();
            if (rows == 0) {
                throw new ReportNotFoundException("report " + id);
            }
        } catch (DuplicateKeyException e) {
            throw duplicateName(report);
        }
        return find(id).orElseThrow(() -> new ReportNotFoundException("report " + id));
    }

    private static InvalidReportException duplicateName(ValidReport report) {
        return new InvalidReportException("name", "duplicate", report.name());
    }

    boolean delete(long id) {
        return jdbc.sql("delete from report where id = ?").param(id).update() > 0;
    }

    Optional<Report> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from report where id = ?")
                .param(id)
                .query(ReportRepository::map)
                .optional();
    }

    List<Report> list() {
        return jdbc.sql("select " + COLUMNS + " from report order by lower(name), id")
                .query(ReportRepository::map)
                .list();
    }

    /** Enabled reports whose next run is due at {@code now}. */
    List<Report> due(Instant now) {
        return jdbc.sql("select " + COLUMNS
                        + " from report where enabled = true and next_run_at <= ? order by next_run_at")
                .param(time(now))
                .query(ReportRepository::map)
                .list();
    }

    /**
     * Takes the run due at {@code due} by moving the report's next run on, only if no other
     * instance did so first: of several instances polling at once, exactly one gets {@code true}.
     */
    boolean claim(long id, Instant due, @Nullable Instant next) {
        return jdbc.sql("update report set next_run_at = ? where id = ? and next_run_at = ?")
                        .params(time(next), id, time(due))
                        .update()
                == 1;
    }

    /**
     * Claims the report for one run, on every instance sharing the database: true when no other run holds it (or the
     * one that did started before {@code abandonedBefore}, on an instance that stopped).
     */
    boolean startRunning(long id, Instant now, Instant abandonedBefore) {
        return jdbc.sql("update report set run_started_at = ? where id = ?"
                                + " and (run_started_at is null or run_started_at < ?)")
                        .params(time(now), id, time(abandonedBefore))
                        .update()
                == 1;
    }

    /** The run of the report ended: another may start. */
    void stopRunning(long id) {
        jdbc.sql("update report set run_started_at = null where id = ?")
                .param(id)
                .update();
    }

    /** When the runs a user asked for ("Run now") since {@code since} started, oldest first. */
    List<Instant> requestedSince(String user, Instant since) {
        return jdbc.sql("select started_at from report_run where requested_by = ? and started_at >= ?"
                        + " order by started_at")
                .params(user, time(since))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }

    /**
     * Forgets finished runs beyond the newest {@code keep} of each report, and those started before {@code before}.
     *
     * @return how many runs were deleted
     */
    int deleteOldRuns(int keep, Instant before) {
        int old = jdbc.sql("delete from report_run where status <> ? and started_at < ?")
                .params(ReportRun.Status.RUNNING.name(), time(before))
                .update();
        int beyond = jdbc.sql("delete from report_run where status <> ? and id in (select id from (select id,"
                        + " row_number() over (partition by report_id order by started_at desc, id desc) as n"
                        + " from report_run) numbered where n > ?)")
                .params(ReportRun.Status.RUNNING.name(), keep)
                .update();
        return old + beyond;
    }

    long insertRun(long reportId, ReportRun.Trigger trigger, Instant periodStart, Instant periodEnd) {
        return insertRun(reportId, trigger, periodStart, periodEnd, null);
    }

    /** @param requestedBy the user who asked for the run now; null for a scheduled run */
    long insertRun(
            long reportId,
            ReportRun.Trigger trigger,
            Instant periodStart,
            Instant periodEnd,
            @Nullable String requestedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into report_run (report_id, trigger_kind, status, period_start, period_end, started_at,"
                        + " requested_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        reportId,
                        trigger.name(),
                        ReportRun.Status.RUNNING.name(),
                        time(periodStart),
                        time(periodEnd),
                        time(Instant.now()),
                        requestedBy)
                .update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for a run of report " + reportId);
        }
        return id.longValue();
    }

    void finishRun(long runId, ReportRun.Status status, @Nullable String html, @Nullable String error) {
        jdbc.sql("update report_run set status = ?, html = ?, error = ?, finished_at = ? where id = ?")
                .params(status.name(), html, error == null ? null : abbreviate(error, 4000), time(Instant.now()), runId)
                .update();
    }

    /**
     * Runs left "running" by an instance that stopped mid-run: marked failed so the list does not
     * show them as running for ever.
     */
    int failAbandonedRuns(Instant startedBefore) {
        return jdbc.sql(
                        "update report_run set status = ?, error = ?, finished_at = ? where status = ? and started_at < ?")
                .params(
                        ReportRun.Status.FAILED.name(),
                        "the instance running it stopped before it finished",
                        time(Instant.now()),
                        ReportRun.Status.RUNNING.name(),
                        time(startedBefore))
                .update();
    }

    List<ReportRun> runs(long reportId, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS
                        + " from report_run where report_id = ? order by started_at desc, id desc" + " fetch first "
                        + Math.max(1, limit) + " rows only")
                .param(reportId)
                .query(ReportRepository::mapRun)
                .list();
    }

    Optional<ReportRun> findRun(long runId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from report_run where id = ?")
                .param(runId)
                .query(ReportRepository::mapRun)
                .optional();
    }

    Optional<String> html(long runId) {
        return jdbc.sql("select html from report_run where id = ? and html is not null")
                .param(runId)
                .query(String.class)
                .optional();
    }

    private static Report map(ResultSet rs, int row) throws SQLException {
        return new Report(
                rs.getLong("id"),
                rs.getString("owner"),
                rs.getString("name"),
                ReportPeriod.valueOf(rs.getString("period")),
                rs.getString("schedule"),
                ZoneId.of(rs.getString("timezone")),
                split(rs.getString("topics")),
                rs.getString("query"),
                split(rs.getString("sources")),
                split(rs.getString("languages")),
                split(rs.getString("recipients")),
                rs.getBoolean("enabled"),
                instant(rs, "next_run_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static ReportRun mapRun(ResultSet rs, int row) throws SQLException {
        return new ReportRun(
                rs.getLong("id"),
                rs.getLong("report_id"),
                ReportRun.Trigger.valueOf(rs.getString("trigger_kind")),
                ReportRun.Status.valueOf(rs.getString("status")),
                instant(rs, "period_start"),
                instant(rs, "period_end"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("error"));
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> split(@Nullable String lines) {
        return lines == null || lines.isBlank()
                ? List.of()
                : Arrays.stream(lines.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
