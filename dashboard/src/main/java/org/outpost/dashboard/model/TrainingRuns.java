package org.outpost.dashboard.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code model_training_run} row: the deployment's one training run, claimed by a conditional
 * update as {@code rescore_run} is; progress and heartbeat saved only while the claim is the
 * instance's own.
 */
@Repository
class TrainingRuns {

    static final String INSTANCE_STOPPED = "the app instance running it stopped";

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
        return jdbc.sql("update model_training_run set state = 'FAILED', finished_at = ?, error = ?"
                        + " where id = 1 and state = 'RUNNING' and heartbeat_at < ?")
                .params(ts(now), INSTANCE_STOPPED, ts(staleBefore))
                .update();
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

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static @Nullable String truncate(@Nullable String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }
}
