package org.outpost.dashboard.live;

import org.jspecify.annotations.Nullable;

/** One row of {@code live_event}. */
record LiveEvent(
        long id,
        LiveEventKind kind,
        @Nullable String ref,
        @Nullable String owner,
        String origin) {}
