package org.outpost.dashboard.user;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,50}");
    // no look-alike characters, since the password is read off the screen once
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final UserDetailsManager users;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();

    UserService(UserDetailsManager users, JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
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
        return get(username);
    }

    /** Sets a new password: the given one, or a generated one. Returns the password to hand over, once. */
    @Transactional
    public String resetPassword(String username, @Nullable String password) {
        get(username);
        String next = password == null ? generatePassword() : password;
        checkPassword(next);
        jdbc.update("update users set password = ? where username = ?", encoder.encode(next), username);
        return next;
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
