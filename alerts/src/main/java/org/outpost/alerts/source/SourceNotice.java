package org.outpost.alerts.source;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.core.source.SourceHealthChanged.State;
import org.springframework.modulith.NamedInterface;

/**
 * What one user was told about a source: it went silent or started failing ({@link State#RAISED}),
 * or came back ({@link State#RECOVERED}).
 *
 * @param emailStatus NONE (no confirmed address), PENDING, SENDING, SENT or FAILED
 */
@NamedInterface("source")
public record SourceNotice(
        long id,
        String recipient,
        long sourceId,
        String sourceName,
        Problem problem,
        State state,
        Instant since,
        @Nullable Duration usualGap,
        int failedRuns,
        @Nullable String reason,
        Instant createdAt,
        @Nullable Instant readAt,
        String emailStatus) {}
