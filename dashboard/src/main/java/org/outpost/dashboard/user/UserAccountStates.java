package org.outpost.dashboard.user;

import org.outpost.alerts.AccountStates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the alerts module whose alerts and reports may go out: owners with an enabled account.
 * Read from the users table at each question (a key lookup), so disabling an account on one
 * instance stops its alerts on all of them at once, and enabling it resumes them.
 */
@Component
class UserAccountStates implements AccountStates {

    private final JdbcTemplate jdbc;

    UserAccountStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean active(String owner) {
        Integer enabled = jdbc.queryForObject(
                "select count(*) from users where username = ? and enabled = true", Integer.class, owner);
        return enabled != null && enabled > 0;
    }
}
