package org.outpost.dashboard.profile;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.QuietHours;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.outpost.dashboard.audit.Auditing;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads and stores profiles (columns of the users table). A new address is sent a confirmation
 * link at once, by the same {@link EmailConfirmations} that confirms the addresses of alerts (one
 * confirmation per user and address): so an address the user already confirmed for their alerts
 * is confirmed for their profile too, and confirming the profile's address lets their alerts go
 * there as well.
 */
@Service
public class ProfileService {

    static final int MAX_EMAIL = 254;
    // one @, something before it, a dot in the domain: the mail server is the real judge, this
    // catches typing mistakes before a confirmation goes out
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final JdbcTemplate jdbc;
    private final EmailConfirmations confirmations;
    private final ApplicationEventPublisher events;

    ProfileService(JdbcTemplate jdbc, EmailConfirmations confirmations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.confirmations = confirmations;
        this.events = events;
    }

    /** @throws NoSuchElementException for an unknown user */
    public Profile get(String username) {
        return find(username).orElseThrow(() -> new NoSuchElementException("no user '" + username + "'"));
    }

    public Optional<Profile> find(String username) {
        record Row(
                @Nullable String email,
                @Nullable String zone,
                @Nullable String language,
                @Nullable LocalTime start,
                @Nullable LocalTime end,
                boolean weekends) {}
        List<Row> rows = jdbc.query(
                "select email, time_zone, language, quiet_start, quiet_end, quiet_weekends from users where username = ?",
                (rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalTime.class),
                        rs.getObject(5, LocalTime.class),
                        rs.getBoolean(6)),
                username);
        return rows.stream()
                .findFirst()
                .map(r -> new Profile(
                        username,
                        r.email(),
                        r.email() == null
                                ? Profile.EmailState.NONE
                                : confirmations.isConfirmed(username, r.email())
                                        ? Profile.EmailState.CONFIRMED
                                        : Profile.EmailState.WAITING,
                        r.zone(),
                        UserLanguages.supported(r.language())
                                .map(Locale::getLanguage)
                                .orElse(null),
                        r.start() == null || r.end() == null
                                ? null
                                : new QuietWindow(r.start(), r.end(), r.weekends())));
    }

    /**
     * The user's quiet hours in their zone, read alone: delivery asks for every message it plans,
     * and needs neither the address nor its confirmation.
     */
    public Optional<QuietHours> quietHours(String username) {
        return jdbc
                .query(
                        "select quiet_start, quiet_end, quiet_weekends, time_zone from users where username = ?"
                                + " and quiet_start is not null and quiet_end is not null",
                        (rs, n) -> new QuietHours(
                                rs.getObject(1, LocalTime.class),
                                rs.getObject(2, LocalTime.class),
                                rs.getBoolean(3),
                                rs.getString(4) == null ? ZoneOffset.UTC : ZoneId.of(rs.getString(4))),
                        username)
                .stream()
                .findFirst();
    }

    /**
     * Replaces the user's profile; a new address gets its confirmation link now.
     *
     * @param actor who asks (the user, or an admin), for the audit log
     * @throws ProfileRefusedException naming the first field that is not valid; nothing is stored then
     * @throws NoSuchElementException for an unknown user
     */
    public Profile update(String username, ProfileChange change, String actor) {
        String email = email(change.email());
        String zone = zone(change.timeZone());
        String language = language(change.language());
        QuietWindow quiet = quiet(change.quietHours());
        Profile before = get(username);
        // one statement: no transaction to hold open while the confirmation is mailed below
        jdbc.update(
                "update users set email = ?, time_zone = ?, language = ?, quiet_start = ?, quiet_end = ?,"
                        + " quiet_weekends = ? where username = ?",
                email,
                zone,
                language,
                quiet == null ? null : quiet.start(),
                quiet == null ? null : quiet.end(),
                quiet != null && quiet.weekends(),
                username);
        if (email != null && !email.equals(before.email())) {
            confirmations.request(username, List.of(email));
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(email, before.email())) {
            changed.add("email");
        }
        if (!Objects.equals(zone, before.timeZone())) {
            changed.add("timeZone");
        }
        if (!Objects.equals(language, before.language())) {
            changed.add("language");
        }
        if (!Objects.equals(quiet, before.quietHours())) {
            changed.add("quietHours");
        }
        if (!changed.isEmpty()) {
            events.publishEvent(
                    Auditing.event(actor, "PROFILE_CHANGED", "user", username, "fields", String.join(",", changed)));
        }
        return get(username);
    }

    /**
     * Sends the confirmation of the user's address again, with a new link; false when there is no
     * address, it is confirmed already, or the last link went out less than {@link #resendAfter()} ago.
     */
    public boolean resendConfirmation(String username) {
        Profile profile = get(username);
        return profile.email() != null
                && profile.emailState() == Profile.EmailState.WAITING
                && confirmations.resend(username, profile.email());
    }

    public java.time.Duration resendAfter() {
        return confirmations.resendAfter();
    }

    private static @Nullable String email(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String email = given.strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new ProfileRefusedException(
                    "email",
                    "email must be an address like name@example.org, was '" + given + "'",
                    "profile.error.email",
                    given);
        }
        return email;
    }

    private static @Nullable String zone(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(given.strip()).getId();
        } catch (DateTimeException e) {
            throw new ProfileRefusedException(
                    "timeZone",
                    "timeZone must be a time zone id like Asia/Almaty, was '" + given + "'",
                    "profile.error.timeZone",
                    given);
        }
    }

    private static @Nullable String language(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return UserLanguages.supported(given)
                .map(Locale::getLanguage)
                .orElseThrow(() -> new ProfileRefusedException(
                        "language",
                        "language must be one of "
                                + UserLanguages.SUPPORTED.stream()
                                        .map(Locale::getLanguage)
                                        .toList() + ", was '" + given + "'",
                        "profile.error.language",
                        given));
    }

    private static @Nullable QuietWindow quiet(@Nullable QuietWindow given) {
        if (given == null) {
            return null;
        }
        if (given.start().equals(given.end())) {
            throw new ProfileRefusedException(
                    "quietHours",
                    "quietHours must start and end at different times, both were " + given.start(),
                    "profile.error.quietSame");
        }
        return given;
    }
}
