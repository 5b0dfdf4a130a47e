package org.outpost.dashboard.profile;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.QuietHours;

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

    /** The zone quiet hours count in: the user's, UTC while they have chosen none. */
    public ZoneId zone() {
        return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    }

    /** The quiet hours as the alerts module reads them, in the user's zone. */
    public Optional<QuietHours> alertsQuietHours() {
        QuietWindow q = quietHours;
        return q == null ? Optional.empty() : Optional.of(new QuietHours(q.start(), q.end(), q.weekends(), zone()));
    }
}
