package org.outpost.core.source;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A source went silent or started failing ({@link State#RAISED}), or came back ({@link
 * State#RECOVERED}). Published by the crawler once per change, in the transaction that records
 * the change, through the app's event publication registry: the alerts module tells the users who
 * follow source health, and hears it again after a crash.
 *
 * @param since the source's last article (silent) or its first failed run in the row (failing)
 * @param usualGap the gap the source's history makes usual (silent only)
 * @param failedRuns failed runs in a row (failing only)
 * @param reason the last failed run's message (failing only)
 */
public record SourceHealthChanged(
        long sourceId,
        String sourceName,
        Problem problem,
        State state,
        Instant at,
        Instant since,
        @Nullable Duration usualGap,
        int failedRuns,
        @Nullable String reason) {

    public enum Problem {
        /** Publishes no longer than its history makes usual. */
        SILENT,
        /** Its last runs all failed. */
        FAILING
    }

    public enum State {
        RAISED,
        RECOVERED
    }
}
