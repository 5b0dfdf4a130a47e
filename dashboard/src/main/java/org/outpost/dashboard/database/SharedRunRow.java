package org.outpost.dashboard.database;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tables of a deployment's one background run ({@code rescore_run},
 * {@code model_training_run}: row id 1, {@code state}, {@code instance}, {@code heartbeat_at},
 * {@code finished_at}, {@code error}) have in common: a run whose instance stopped beating is
 * recorded as failed, and the conversions their rows need.
 */
public final class SharedRunRow {

    /** The error of a run whose instance stopped before finishing it. */
    public static final String INSTANCE_STOPPED = "the app instance running it stopped";

    private SharedRunRow() {}

    /** Records a run whose heartbeat stopped before {@code staleBefore} as failed; the rows changed (0 or 1). */
    public static int failStale(JdbcClient jdbc, String table, Instant staleBefore, Instant now) {
        return jdbc.sql("update " + table + " set state = 'FAILED', finished_at = ?, error = ?"
                        + " where id = 1 and state = 'RUNNING' and heartbeat_at < ?")
                .params(ts(now), INSTANCE_STOPPED, ts(staleBefore))
                .update();
    }

    public static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    public static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** An error message cut to the column's 2,000 characters. */
    public static @Nullable String truncate(@Nullable String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }
}
