package org.outpost.dashboard;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts for tests that create alerts directly: alerts and reports go only to owners with an enabled account. */
public final class TestAccounts {

    private TestAccounts() {}

    /** An enabled analyst of this name (with a random password nobody knows), made when missing. */
    public static String ensure(JdbcTemplate jdbc, String username) {
        Integer existing =
                jdbc.queryForObject("select count(*) from users where username = ?", Integer.class, username);
        if (existing == null || existing == 0) {
            jdbc.update(
                    "insert into users (username, password, enabled) values (?, ?, true)",
                    username,
                    "{noop}" + UUID.randomUUID());
            jdbc.update("insert into authorities (username, authority) values (?, 'ROLE_ANALYST')", username);
        }
        return username;
    }
}
