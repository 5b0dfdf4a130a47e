package org.outpost.dashboard.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The deployment's training run.
 *
 * @param progress 0 to 1
 * @param step what it is doing: {@code collecting}, the trainer's steps ({@code analysing}, {@code rules},
 *     {@code validating}, {@code fitting}), {@code evaluating}, {@code storing}
 * @param candidate the version the run stored, once finished
 */
public record TrainingStatus(
        State state,
        double progress,
        @Nullable String step,
        @Nullable String requestedBy,
        @Nullable String candidate,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {

    public enum State {
        IDLE,
        RUNNING,
        FINISHED,
        FAILED
    }

    static TrainingStatus idle() {
        return new TrainingStatus(State.IDLE, 0, null, null, null, null, null, null);
    }
}
