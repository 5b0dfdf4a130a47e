package org.outpost.crawler;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.core.source.SourceHealthChanged.Problem;

/**
 * A problem a source has now: silent for longer than its history makes usual, or failing run
 * after run. Raised once, and gone when the source comes back.
 *
 * @param since the last article (silent) or the first failed run in the row (failing)
 * @param usualGap the gap between articles the source's history makes usual (silent only)
 * @param failedRuns failed runs in a row (failing only)
 * @param reason the last failed run's message (failing only)
 */
public record SourceAlarm(
        Problem problem,
        Instant raisedAt,
        Instant since,
        @Nullable Duration usualGap,
        int failedRuns,
        @Nullable String reason) {}
