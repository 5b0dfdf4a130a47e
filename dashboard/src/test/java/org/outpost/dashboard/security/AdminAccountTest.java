package org.outpost.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

@Tag(TestDatabases.TAG)
class AdminAccountTest extends OutpostAppTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AdminAccount adminAccount;

    @Autowired
    SignInThrottle throttle;

    @Test
    void adminExistsWithTheConfiguredPasswordStoredOnlyAsAHash() {
        String stored = jdbc.queryForObject("select password from users where username = 'admin'", String.class);

        assertThat(stored).startsWith("{bcrypt}").doesNotContain(ADMIN_PASSWORD);
        assertThat(encoder.matches(ADMIN_PASSWORD, stored)).isTrue();
        assertThat(users.loadUserByUsername("admin").getAuthorities())
                .extracting(Object::toString)
                .contains("ROLE_ADMIN");
    }

    @Test
    void configuredPasswordWinsOverAChangedOneAtTheNextStart() {
        jdbc.update("update users set password = ? where username = 'admin'", encoder.encode("something-else"));

        adminAccount.run(null);

        String stored = jdbc.queryForObject("select password from users where username = 'admin'", String.class);
        assertThat(encoder.matches(ADMIN_PASSWORD, stored)).isTrue();
    }

    @Test
    void aRestartLiftsASignInLockOnTheAdminAccount() {
        for (int i = 0; i < 20 && !throttle.isLocked("admin"); i++) {
            throttle.failed("admin", null);
        }
        assertThat(throttle.isLocked("admin")).as("locked by failed sign-ins").isTrue();

        adminAccount.run(null);

        assertThat(throttle.isLocked("admin")).isFalse();
    }
}
