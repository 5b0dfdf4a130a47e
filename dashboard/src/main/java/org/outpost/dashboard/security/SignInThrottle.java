package org.outpost.dashboard.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;

/**
 * Counts failed sign-ins per account name and per client address in the database and locks a
 * subject that reaches its limit, for every instance at once. A locked subject is refused before
 * its password is checked ({@link SignInThrottleFilter}), so a brute force costs no bcrypt. A
 * success clears the account's count; the address's count only expires, so one valid account
 * does not reset an attacker's address.
 */
@Service
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final String ACCOUNT = "user:";
    private static final String ADDRESS = "addr:";

    private final JdbcTemplate jdbc;
    private final SignInProperties properties;
    private final Clock clock = Clock.systemUTC();

    SignInThrottle(JdbcTemplate jdbc, SignInProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** How long the account or the address stays locked; empty when sign-in may be tried. */
    Optional<Duration> locked(@Nullable String username, @Nullable String address) {
        Instant now = clock.instant();
        List<Timestamp> until = jdbc.queryForList(
                "select locked_until from sign_in_throttle where subject in (?, ?) and locked_until > ?",
                Timestamp.class,
                account(username),
                ADDRESS + address,
                Timestamp.from(now));
        return until.stream().map(Timestamp::toInstant).max(Instant::compareTo).map(u -> Duration.between(now, u));
    }

    /** Whether the account is locked now (the Users view offers to unlock it). */
    public boolean isLocked(String username) {
        return locked(username, null).isPresent();
    }

    /** The accounts locked now. */
    public Set<String> lockedAccounts() {
        return new TreeSet<>(jdbc
                .queryForList(
                        "select subject from sign_in_throttle where subject like 'user:%' and locked_until > ?",
                        String.class, Timestamp.from(clock.instant()))
                .stream()
                .map(s -> s.substring(ACCOUNT.length()))
                .toList());
    }

    /** Lifts the account's lock and forgets its failures. @return whether it was locked */
    public boolean unlock(String username) {
        boolean wasLocked = isLocked(username);
        jdbc.update("delete from sign_in_throttle where subject = ?", account(username));
        return wasLocked;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        failed(event.getAuthentication().getName(), address);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        // a key lookup that deletes nothing in the usual case: cheap enough for every API call
        jdbc.update(
                "delete from sign_in_throttle where subject = ?",
                account(event.getAuthentication().getName()));
    }

    /** Counts a failed sign-in of this account name from this address, locking what reached its limit. */
    void failed(@Nullable String username, @Nullable String address) {
        Instant now = clock.instant();
        if (username != null && !username.isBlank()) {
            count(account(username), properties.accountFailures(), now);
        }
        if (address != null) {
            count(ADDRESS + address, properties.addressFailures(), now);
        }
    }

    private void count(String subject, int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(properties.window()));
        // within the window: one more; after it (or after a lock ran out): a new window from this failure
        if (jdbc.update(
                        "update sign_in_throttle set failures = failures + 1 where subject = ? and first_failure_at > ?"
                                + " and (locked_until is null or locked_until > ?)",
                        subject,
                        windowStart,
                        at)
                == 0) {
            if (jdbc.update(
                            "update sign_in_throttle set failures = 1, first_failure_at = ?, locked_until = null"
                                    + " where subject = ?",
                            at,
                            subject)
                    == 0) {
                try {
                    jdbc.update(
                            "insert into sign_in_throttle (subject, failures, first_failure_at) values (?, 1, ?)",
                            subject,
                            at);
                } catch (DuplicateKeyException e) {
                    // another instance counted the first failure at the same moment: count this one on top
                    jdbc.update("update sign_in_throttle set failures = failures + 1 where subject = ?", subject);
                }
            }
        }
        if (jdbc.update(
                        "update sign_in_throttle set locked_until = ? where subject = ? and failures >= ?"
                                + " and locked_until is null",
                        Timestamp.from(now.plus(properties.lock())),
                        subject,
                        limit)
                > 0) {
            log.warn("Sign-in locked for {} after {} failures within {}", subject, limit, properties.window());
        }
    }

    private static String account(@Nullable String username) {
        return ACCOUNT + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }
}
