package org.outpost.dashboard.user;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.audit.Auditing;
import org.outpost.dashboard.security.SignInThrottle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts in Spring Security's JDBC tables. Each account has one role; an account that has
 * several authorities (the bootstrap admin also has ANALYST) shows as its strongest. The checks
 * keep at least one enabled admin, so nobody can lock everyone out of administration.
 */
@Service
public class UserService {

    static final int MIN_PASSWORD = 12;
    /** bcrypt reads no further (Spring's encoder refuses longer ones with an exception, not a reason). */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,50}");
    // no look-alike characters, since the password is read off the screen once
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final UserDetailsManager users;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final SignInThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    UserService(
            UserDetailsManager users,
            JdbcTemplate jdbc,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            SignInThrottle throttle) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.events = events;
        this.throttle = throttle;
    }

    public List<UserAccount> list() {
        Map<String, Boolean> enabled = new HashMap<>();
        Map<String, String> languages = new HashMap<>();
        Map<String, Role> roles = new HashMap<>();
        jdbc.query("select username, enabled, language from users", rs -> {
            enabled.put(rs.getString(1), rs.getBoolean(2));
            if (rs.getString(3) != null) {
                languages.put(rs.getString(1), rs.getString(3));
            }
        });
        jdbc.query("select username, authority from authorities", rs -> {
            Role role = roleOf(rs.getString(2));
            if (role != null) {
                roles.merge(rs.getString(1), role, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        return enabled.entrySet().stream()
                .map(e -> new UserAccount(
                        e.getKey(),
                        roles.getOrDefault(e.getKey(), Role.VIEWER),
                        e.getValue(),
                        languages.get(e.getKey())))
                .sorted(Comparator.comparing(UserAccount::username))
                .toList();
    }

    public UserAccount get(String username) {
        return list().stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no user '" + username + "'"));
    }

    @Transactional
    public UserAccount create(NewUser user) {
        String username = checkUsername(user.username());
        checkPassword(user.password());
        Role role = Role.parse(user.role());
        if (users.userExists(username)) {
            throw new UserRefusedException("user '" + username + "' already exists", "users.error.exists", username);
        }
        users.createUser(User.withUsername(username)
                .password(encoder.encode(user.password()))
                .authorities(role.authority())
                .build());
        events.publishEvent(Auditing.byCurrentUser("USER_CREATED", "user", username, "role", role.name()));
        return get(username);
    }

    /** Role and enabled flag in one transaction, so a refused half leaves the other unchanged; null keeps a value. */
    @Transactional
    public UserAccount update(String username, @Nullable Role role, @Nullable Boolean enabled, String actor) {
        if (role != null) {
            changeRole(username, role);
        }
        if (enabled != null) {
            setEnabled(username, enabled, actor);
        }
        return get(username);
    }

    /** Gives the account exactly this role; refuses to demote the last enabled admin. */
    @Transactional
    public UserAccount changeRole(String username, Role role) {
        UserAccount current = get(username);
        if (current.role() == Role.ADMIN
                && role != Role.ADMIN
                && current.enabled()
                && otherEnabledAdmins(username) == 0) {
            throw new UserRefusedException(
                    "'" + username + "' is the last enabled admin: make another user admin first",
                    "users.error.lastAdminRole",
                    username);
        }
        jdbc.update("delete from authorities where username = ?", username);
        jdbc.update("insert into authorities (username, authority) values (?, ?)", username, role.authority());
        if (current.role() != role) {
            events.publishEvent(Auditing.byCurrentUser(
                    "USER_ROLE_CHANGED",
                    "user",
                    username,
                    "from",
                    current.role().name(),
                    "to",
                    role.name()));
        }
        return get(username);
    }

    /**
     * @param actor who asks: nobody disables their own account, which would end their session's
     *     rights half-way through the change
     */
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled, String actor) {
        UserAccount current = get(username);
        if (!enabled && current.enabled()) {
            if (username.equals(actor)) {
                throw new UserRefusedException("you cannot disable your own account", "users.error.disableSelf");
            }
            if (current.role() == Role.ADMIN && otherEnabledAdmins(username) == 0) {
                throw new UserRefusedException(
                        "'" + username + "' is the last enabled admin and cannot be disabled",
                        "users.error.lastAdminDisable",
                        username);
            }
        }
        jdbc.update("update users set enabled = ? where username = ?", enabled, username);
        if (current.enabled() != enabled) {
            // open sessions end on their next request (SessionAccountCheck), alerts and reports stop (AccountStates)
            events.publishEvent(Auditing.event(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", "user", username));
        }
        return get(username);
    }

    /** Sets a new password: the given one, or a generated one. Returns the password to hand over, once. */
    @Transactional
    public String resetPassword(String username, @Nullable String password) {
        get(username);
        String next = password == null ? generatePassword() : password;
        checkPassword(next);
        jdbc.update("update users set password = ? where username = ?", encoder.encode(next), username);
        events.publishEvent(Auditing.byCurrentUser("PASSWORD_RESET", "user", username, "generated", password == null));
        return next;
    }

    /**
     * Deletes the account: it can no longer sign in and its open sessions end on their next
     * request. What it owns (subscriptions, deliveries, reports) stays in the database, inert:
     * nothing is sent for an owner without an account. Creating an account of the same name again
     * gives those back to it, so a new person should get a new name. The last enabled admin and
     * the caller's own account are refused.
     */
    @Transactional
    public void delete(String username, String actor) {
        UserAccount current = get(username);
        if (username.equals(actor)) {
            throw new UserRefusedException("you cannot delete your own account", "users.error.deleteSelf");
        }
        if (current.role() == Role.ADMIN && current.enabled() && otherEnabledAdmins(username) == 0) {
            throw new UserRefusedException(
                    "'" + username + "' is the last enabled admin and cannot be deleted",
                    "users.error.lastAdminDelete",
                    username);
        }
        jdbc.update("delete from authorities where username = ?", username);
        jdbc.update("delete from users where username = ?", username);
        throttle.unlock(username);
        events.publishEvent(Auditing.event(
                actor, "USER_DELETED", "user", username, "role", current.role().name()));
    }

    /** Lifts a sign-in lock (too many failed sign-ins) before it runs out. @return whether it was locked */
    @Transactional
    public boolean unlock(String username, String actor) {
        get(username);
        boolean wasLocked = throttle.unlock(username);
        events.publishEvent(Auditing.event(actor, "ACCOUNT_UNLOCKED", "user", username, "wasLocked", wasLocked));
        return wasLocked;
    }

    /** The accounts whose sign-in is locked now. */
    public java.util.Set<String> locked() {
        return throttle.lockedAccounts();
    }

    private int otherEnabledAdmins(String username) {
        Integer count = jdbc.queryForObject("""
                select count(distinct u.username) from users u join authorities a on a.username = u.username
                where u.enabled = true and a.authority = ? and u.username <> ?""", Integer.class, Role.ADMIN.authority(), username);
        return count == null ? 0 : count;
    }

    private static String checkUsername(@Nullable String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new UserRefusedException(
                    "user name must be 3 to 50 characters of a-z, 0-9, '.', '_' or '-', was '" + username + "'",
                    "users.error.username",
                    String.valueOf(username));
        }
        return username;
    }

    private static void checkPassword(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new UserRefusedException(
                    "password must be at least " + MIN_PASSWORD + " characters",
                    "users.error.password",
                    String.valueOf(MIN_PASSWORD));
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new UserRefusedException(
                    "password must be at most " + MAX_PASSWORD_BYTES
                            + " bytes in UTF-8 (72 Latin letters, or 36 Cyrillic ones)",
                    "users.error.passwordLong",
                    String.valueOf(MAX_PASSWORD_BYTES));
        }
    }

    private static @Nullable Role roleOf(String authority) {
        for (Role role : Role.values()) {
            if (role.authority().equals(authority)) {
                return role;
            }
        }
        return null;
    }

    private String generatePassword() {
        StringBuilder out = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
