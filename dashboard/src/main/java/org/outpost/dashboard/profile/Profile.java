package org.outpost.dashboard.profile;

import org.jspecify.annotations.Nullable;

/**
 * A user's profile as they and admins see it.
 *
 * @param email the address they gave, confirmed or not (see {@code emailState}); null when none
 * @param timeZone an IANA zone id, null while none is chosen
 * @param language {@code en} or {@code ru}, null while the browser's language decides
 * @param quietHours the default quiet hours of their alerts, null when they have none
 */
public record Profile(
        String username,
        @Nullable String email,
        EmailState emailState,
        @Nullable String timeZone,
        @Nullable String language,
        @Nullable QuietWindow quietHours) {

    /** Where the profile's address stands: nothing is mailed to it before it is {@link #CONFIRMED}. */
    public enum EmailState {
        NONE,
        WAITING,
        CONFIRMED
    }
}
