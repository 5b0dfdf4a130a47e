package org.outpost.dashboard.index;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.classify.RescoreStatus;

/**
 * Where the article index's mapping upgrade stands on this instance.
 *
 * @param servingVersion the mapping version the read alias (searches, alerts) reads
 * @param targetVersion the version being built, null when none is
 * @param copy the re-scoring run that copies the articles, null before it starts
 */
public record IndexUpgradeStatus(
        State state,
        int servingVersion,
        @Nullable Integer targetVersion,
        @Nullable RescoreStatus copy,
        @Nullable Instant startedAt,
        @Nullable Instant switchedAt,
        @Nullable String error) {

    public enum State {
        /** The read alias serves this build's mapping version. */
        CURRENT,
        /** Articles are being copied to the new version; searches read the old one. */
        COPYING,
        /** The read alias moved to the new version; the old one is dropped by the next daily maintenance. */
        SWITCHED,
        FAILED
    }
}
