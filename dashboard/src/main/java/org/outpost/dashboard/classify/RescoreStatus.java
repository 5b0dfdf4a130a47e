package org.outpost.dashboard.classify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Progress of a re-scoring run.
 *
 * @param conflicts articles changed by someone else while the run read them; their newer version was kept
 */
public record RescoreStatus(
        State state,
        long total,
        long processed,
        long failed,
        long conflicts,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {

    public enum State {
        IDLE,
        RUNNING,
        FINISHED,
        FAILED
    }

    static RescoreStatus idle() {
        return new RescoreStatus(State.IDLE, 0, 0, 0, 0, null, null, null);
    }

    public double fraction() {
        return total == 0 ? (state == State.FINISHED ? 1 : 0) : Math.min(1.0, (double) processed / total);
    }
}
