package org.outpost.dashboard.model;

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
 * The {@code model_training_run} row: the deployment's one training run, claimed by a conditional
 * update as {@code rescore_run} is; progress and heartbeat saved only while the claim is the
 * instance's own.
 */
@Repository
class TrainingRuns {

    private final JdbcClient jdbc;

    TrainingRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the run unless another is running with a heartbeat after {@code staleBefore}. */
    boolean claim(String instance, String requestedBy, Instant now, Instant staleBefore) {
        return jdbc.sql("update model_training_run set state = 'RUNNING', instance = ?, requested_by = ?, progress = 0,"
                                + " step = 'collecting', candidate = null, started_at = ?, finished_at = null,"
                                + " heartbeat_at = ?, error = null"
                                + " where id = 1 and (state <> 'RUNNING' or heartbeat_at < ?)")
                        .params(instance, requestedBy, ts(now), ts(now), ts(staleBefore))
                        .update()
                > 0;
    }

    /**
     * Claims one schedule tick: of the instances whose schedules fire for {@code tick}, the first
     * moves {@code scheduled_for} to it and the others find it there.
     */
    boolean claimTick(Instant tick) {
        return jdbc.sql("update model_training_run set scheduled_for = ?"
                                + " where id = 1 and (scheduled_for is null or scheduled_for < ?)")
                        .params(ts(tick), ts(tick))
                        .update()
                > 0;
    }

    /** Saves progress and the heartbeat; false when the run is no longer this instance's. */
    boolean progress(String instance, double progress, String step, Instant now) {
        return jdbc.sql("update model_training_run set progress = ?, step = ?, heartbeat_at = ?"
                                + " where id = 1 and state = 'RUNNING' and instance = ?")
                        .params(progress, step, ts(now), instance)
                        .update()
                > 0;
    }

    void end(
            String instance,
            TrainingStatus.State state,
            double progress,
            String step,
            @Nullable String candidate,
            @Nullable String error,
            Instant now) {
        jdbc.sql("update model_training_run set state = ?, progress = ?, step = ?, candidate = ?, finished_at = ?,"
                        + " heartbeat_at = ?, error = ? where id = 1 and state = 'RUNNING' and instance = ?")
                .params(state.name(), progress, step, candidate, ts(now), ts(now), truncate(error), instance)
                .update();
    }

    int failStale(Instant staleBefore, Instant now) {
        return SharedRunRow.failStale(jdbc, "model_training_run", staleBefore, now);
    }

    TrainingStatus read() {
        return jdbc.sql("select state, progress, step, requested_by, candidate, started_at, finished_at, error"
                        + " from model_training_run where id = 1")
                .query(TrainingRuns::map)
                .optional()
                .orElseGet(TrainingStatus::idle);
    }

    private static TrainingStatus map(ResultSet rs, int row) throws SQLException {
        return new TrainingStatus(
                TrainingStatus.State.valueOf(rs.getString("state")),
                rs.getDouble("progress"),
                rs.getString("step"),
                rs.getString("requested_by"),
                rs.getString("candidate"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("error"));
    }
}
