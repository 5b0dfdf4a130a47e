package org.outpost.crawler.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Crawl runs and their errors in the database. */
@Repository
public class RunRepository {

    /** Errors kept per run: a broken site can fail every page, and the first ones tell the story. */
    static final int MAX_ERRORS_PER_RUN = 200;

    private static final String COLUMNS = "id, source_id, run_trigger, status, started_at, finished_at, pages_fetched,"
            + " bytes_fetched, articles_new, articles_updated, articles_unchanged, articles_duplicate, articles_queued,"
            + " errors, message";

    private final JdbcClient jdbc;

    public RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long a run's claim on its source lasts without a heartbeat (sent every few seconds). */
    public static final java.time.Duration LEASE = java.time.Duration.ofSeconds(45);

    /**
     * Starts a run if no other run of the source is live anywhere: the claim is one conditional
     * update of the source row, so two instances racing for it cannot both win.
     *
     * @return the run id, or empty when the source is being crawled already
     */
    public Optional<Long> tryStart(long sourceId, RunTrigger trigger) {
        Instant now = Instant.now();
        int claimed = jdbc.sql(
                        "update crawl_source set lease_until = ? where id = ? and (lease_until is null or lease_until < ?)")
                .params(Timestamp.from(now.plus(LEASE)), sourceId, Timestamp.from(now))
                .update();
        return claimed == 1 ? Optional.of(start(sourceId, trigger)) : Optional.empty();
    }

    /** Until when a run holds the source's lease; empty when none does. */
    public Optional<Instant> leaseUntil(long sourceId) {
        return jdbc.sql("select lease_until from crawl_source where id = ?")
                .param(sourceId)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional()
                .flatMap(lease -> lease);
    }

    private void renewLease(long runId) {
        jdbc.sql("update crawl_source set lease_until = ? where id = (select source_id from crawl_run where id = ?)")
                .params(Timestamp.from(Instant.now().plus(LEASE)), runId)
                .update();
    }

    private void releaseLease(long runId) {
        jdbc.sql("update crawl_source set lease_until = null where id = (select source_id from crawl_run where id = ?)")
                .param(runId)
                .update();
    }

    private long start(long sourceId, RunTrigger trigger) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into crawl_run (source_id, run_trigger, status, started_at, heartbeat_at) values (?, ?, ?, ?, ?)")
                .params(
                        sourceId,
                        trigger.name(),
                        RunStatus.RUNNING.name(),
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()))
                .update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for a run of source " + sourceId);
        }
        return id.longValue();
    }

    /**
     * Saves the counters so far; with a status other than RUNNING, also ends the run.
     *
     * @return false when the run had ended already (here, or marked interrupted by an instance that
     *     took it for dead): its lease is not renewed
     */
    public boolean save(long runId, RunCounters counters, RunStatus status, @Nullable String message) {
        // a heartbeat racing the final save must not turn a finished run back into a running one
        int rows = jdbc.sql(
                        "update crawl_run set status = ?, finished_at = ?, heartbeat_at = ?, pages_fetched = ?,"
                                + " bytes_fetched = ?, articles_new = ?, articles_updated = ?, articles_unchanged = ?,"
                                + " articles_duplicate = ?, articles_queued = ?, errors = ?, message = ? where id = ? and status = ?")
                .params(
                        status.name(),
                        status == RunStatus.RUNNING ? null : Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()),
                        counters.pagesFetched.get(),
                        counters.bytesFetched.get(),
                        counters.articlesNew.get(),
                        counters.articlesUpdated.get(),
                        counters.articlesUnchanged.get(),
                        counters.articlesDuplicate.get(),
                        counters.articlesQueued.get(),
                        counters.errors.get(),
                        truncate(message, 2000),
                        runId,
                        RunStatus.RUNNING.name())
                .update();
        if (rows == 0) {
            return false; // ended already (or marked interrupted by a sweep)
        }
        if (status == RunStatus.RUNNING) {
            renewLease(runId);
        } else {
            releaseLease(runId);
        }
        return true;
    }

    public void error(long runId, @Nullable String url, String kind, String reason) {
        Integer recorded = jdbc.sql("select count(*) from crawl_error where run_id = ?")
                .param(runId)
                .query(Integer.class)
                .single();
        if (recorded != null && recorded >= MAX_ERRORS_PER_RUN) {
            return;
        }
        jdbc.sql("insert into crawl_error (run_id, url, kind, reason, at) values (?, ?, ?, ?, ?)")
                .params(runId, truncate(url, 4096), kind, truncate(reason, 2000), Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * Ends runs left RUNNING by an instance that stopped without ending them: a live run saves
     * its counters (its heartbeat) every few seconds, so one silent since {@code silentSince}
     * belongs to a dead instance, whichever instance of a cluster looks. Quartz re-fires the job.
     */
    public int markInterrupted(Instant silentSince) {
        jdbc.sql(
                        "update crawl_source set lease_until = null where id in (select source_id from crawl_run where status = ?"
                                + " and heartbeat_at < ?)")
                .params(RunStatus.RUNNING.name(), Timestamp.from(silentSince))
                .update();
        return jdbc.sql(
                        "update crawl_run set status = ?, finished_at = ?, message = ? where status = ? and heartbeat_at < ?")
                .params(
                        RunStatus.INTERRUPTED.name(),
                        Timestamp.from(Instant.now()),
                        "the app stopped during this run; the next run fetches what it did not",
                        RunStatus.RUNNING.name(),
                        Timestamp.from(silentSince))
                .update();
    }

    public Optional<CrawlRun> find(long runId) {
        return jdbc.sql("select " + COLUMNS + " from crawl_run where id = ?")
                .param(runId)
                .query(RunRepository::map)
                .optional();
    }

    public List<CrawlRun> recent(long sourceId, int max) {
        return jdbc.sql("select " + COLUMNS + " from crawl_run where source_id = ? order by started_at desc, id desc"
                        + " fetch first " + max + " rows only")
                .param(sourceId)
                .query(RunRepository::map)
                .list();
    }

    /** The latest run of every source, by source id. */
    public Map<Long, CrawlRun> latestPerSource() {
        List<CrawlRun> runs = jdbc.sql(
                        "select " + COLUMNS + " from crawl_run r where id = (select max(id) from crawl_run"
                                + " where source_id = r.source_id)")
                .query(RunRepository::map)
                .list();
        Map<Long, CrawlRun> latest = new java.util.HashMap<>();
        runs.forEach(run -> latest.put(run.sourceId(), run));
        return latest;
    }

    public List<CrawlError> errors(long runId, int max) {
        return jdbc.sql(
                        "select run_id, url, kind, reason, at from crawl_error where run_id = ? order by id fetch first "
                                + max + " rows only")
                .param(runId)
                .query((rs, row) -> new CrawlError(
                        rs.getLong("run_id"),
                        rs.getString("url"),
                        rs.getString("kind"),
                        rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Errors of a source's latest runs, newest first: what the Sources view shows. */
    public List<CrawlError> recentErrors(long sourceId, int max) {
        return jdbc.sql(
                        "select e.run_id, e.url, e.kind, e.reason, e.at from crawl_error e join crawl_run r on r.id = e.run_id"
                                + " where r.source_id = ? order by e.id desc fetch first " + max + " rows only")
                .param(sourceId)
                .query((rs, row) -> new CrawlError(
                        rs.getLong("run_id"),
                        rs.getString("url"),
                        rs.getString("kind"),
                        rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static CrawlRun map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new CrawlRun(
                rs.getLong("id"),
                rs.getLong("source_id"),
                RunTrigger.valueOf(rs.getString("run_trigger")),
                RunStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getInt("pages_fetched"),
                rs.getLong("bytes_fetched"),
                rs.getInt("articles_new"),
                rs.getInt("articles_updated"),
                rs.getInt("articles_unchanged"),
                rs.getInt("articles_duplicate"),
                rs.getInt("articles_queued"),
                rs.getInt("errors"),
                rs.getString("message"));
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
