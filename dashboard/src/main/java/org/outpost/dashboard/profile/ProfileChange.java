package org.outpost.dashboard.profile;

import org.jspecify.annotations.Nullable;

/**
 * A whole profile to store, replacing the one stored: a null field clears it (no address, no time
 * zone, the browser's language, no quiet hours).
 */
public record ProfileChange(
        @Nullable String email,
        @Nullable String timeZone,
        @Nullable String language,
        @Nullable QuietWindow quietHours) {}
