package org.outpost.dashboard.classify;

import static org.outpost.dashboard.database.SharedRunRow.instant;
import static org.outpost.dashboard.database.SharedRunRow.truncate;
import static org.outpost.dashboard.database.SharedRunRow.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.database.SharedRunRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code rescore_run} row: the one re-scoring run of the deployment, shared by every app
 * instance. Claimed by a conditional update, its progress and heartbeat saved by the instance that
 * claimed it only while the claim is still that instance's.
 */
@Repository
class RescoreRuns {

    private final JdbcClient jdbc;

    RescoreRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the run for {@code instance} unless another is running with a heartbeat after
     * {@code staleBefore}.
     */
    boolean claim(String instance, long total, Instant now, Instant staleBefore) {
        return jdbc.sql("update rescore_run set state = 'RUNNING', instance = ?, total = ?, processed = 0, failed = 0,"
                                + " conflicts = 0, started_at = ?, finished_at = null, heartbeat_at = ?, error = null"
                                + " where id = 1 and (state <> 'RUNNING' or heartbeat_at < ?)")
                        .params(instance, total, ts(now), ts(now), ts(staleBefore))
                        .update()
                > 0;
    }

    /** Saves progress and the heartbeat; false when the run is no longer this instance's. */
    boolean progress(String instance, long processed, long failed, long conflicts, Instant now) {
        return jdbc.sql("update rescore_run set processed = ?, failed = ?, conflicts = ?, heartbeat_at = ?"
                                + " where id = 1 and state = 'RUNNING' and instance = ?")
                        .params(processed, failed, conflicts, ts(now), instance)
                        .update()
                > 0;
    }

    /** Ends this instance's run as FINISHED or FAILED. */
    void end(
            String instance,
            RescoreStatus.State state,
            long processed,
            long failed,
            long conflicts,
            @Nullable String error,
            Instant now) {
        jdbc.sql("update rescore_run set state = ?, processed = ?, failed = ?, conflicts = ?, finished_at = ?,"
                        + " heartbeat_at = ?, error = ? where id = 1 and state = 'RUNNING' and instance = ?")
                .params(state.name(), processed, failed, conflicts, ts(now), ts(now), truncate(error), instance)
                .update();
    }

    /** A run whose heartbeat stopped before {@code staleBefore} is recorded as failed. */
    int failStale(Instant staleBefore, Instant now) {
        return SharedRunRow.failStale(jdbc, "rescore_run", staleBefore, now);
    }

    RescoreStatus read() {
        return jdbc.sql("select state, total, processed, failed, conflicts, started_at, finished_at, error"
                        + " from rescore_run where id = 1")
                .query(RescoreRuns::map)
                .optional()
                .orElseGet(RescoreStatus::idle);
    }

    private static RescoreStatus map(ResultSet rs, int row) throws SQLException {
        return new RescoreStatus(
                RescoreStatus.State.valueOf(rs.getString("state")),
                rs.getLong("total"),
                rs.getLong("processed"),
                rs.getLong("failed"),
                rs.getLong("conflicts"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("error"));
    }
}
