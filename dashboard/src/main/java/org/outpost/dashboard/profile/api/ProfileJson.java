package org.outpost.dashboard.profile.api;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.profile.Profile;
import org.outpost.dashboard.profile.ProfileChange;
import org.outpost.dashboard.profile.QuietWindow;

/**
 * A profile in the API, the same shape in answers and in {@code PUT} requests (where
 * {@code username} and {@code emailStatus} are ignored).
 *
 * @param emailStatus {@code none}, {@code waiting} (a confirmation link was sent, nothing else
 *     goes there yet) or {@code confirmed}
 */
record ProfileJson(
        @Nullable String username,
        @Nullable String email,
        @Nullable String emailStatus,
        @Nullable String timeZone,
        @Nullable String language,
        @Nullable QuietHoursJson quietHours) {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param start and {@code end} as {@code HH:mm} on the user's clock
     * @param weekends left out: false
     */
    record QuietHoursJson(
            @Nullable String start,
            @Nullable String end,
            @Nullable Boolean weekends) {}

    static ProfileJson of(Profile p) {
        QuietWindow q = p.quietHours();
        return new ProfileJson(
                p.username(),
                p.email(),
                p.emailState().name().toLowerCase(Locale.ROOT),
                p.timeZone(),
                p.language(),
                q == null ? null : new QuietHoursJson(HOURS.format(q.start()), HOURS.format(q.end()), q.weekends()));
    }

    ProfileChange change() {
        QuietHoursJson q = quietHours;
        return new ProfileChange(
                email,
                timeZone,
                language,
                q == null ? null : new QuietWindow(time(q.start()), time(q.end()), Boolean.TRUE.equals(q.weekends())));
    }

    private static LocalTime time(@Nullable String given) {
        if (given == null || given.isBlank()) {
            throw new IllegalArgumentException("quietHours must have a start and an end, each as HH:mm");
        }
        try {
            return LocalTime.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "quietHours must have a start and an end, each as HH:mm; was '" + given + "'", e);
        }
    }
}
