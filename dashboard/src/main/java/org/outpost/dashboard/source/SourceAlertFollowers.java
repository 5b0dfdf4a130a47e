package org.outpost.dashboard.source;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.SourceHealthReaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who follows source health, for the alerts module: enabled accounts that switched it on, and
 * admins and analysts who did not switch it off (viewers must switch it on). Read from the users
 * table at each change, so a switch counts at once on every instance.
 */
@Component
public class SourceAlertFollowers implements SourceHealthReaders {

    private static final String BY_ROLE =
            "exists (select 1 from authorities a where a.username = u.username and a.authority in ('ROLE_ADMIN', 'ROLE_ANALYST'))";

    private final JdbcTemplate jdbc;

    SourceAlertFollowers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> subscribers() {
        return jdbc.queryForList(
                "select u.username from users u where u.enabled = true and (u.source_alerts = true"
                        + " or (u.source_alerts is null and " + BY_ROLE + ")) order by u.username",
                String.class);
    }

    /** Whether this user is told about silent and failing sources now (their choice, else their role's). */
    public boolean follows(String username) {
        Integer n = jdbc.queryForObject(
                "select count(*) from users u where u.username = ? and (u.source_alerts = true"
                        + " or (u.source_alerts is null and " + BY_ROLE + "))",
                Integer.class,
                username);
        return n != null && n > 0;
    }

    /** Switches source alerts on or off for this user; {@code null} goes back to their role's default. */
    public void set(String username, @Nullable Boolean follow) {
        jdbc.update("update users set source_alerts = ? where username = ?", follow, username);
    }
}
