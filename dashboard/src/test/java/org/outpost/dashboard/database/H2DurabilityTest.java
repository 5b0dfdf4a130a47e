package org.outpost.dashboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outpost.dashboard.OutpostApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The app's own H2 settings, as the running app has them. */
class H2DurabilityTest implements OutpostApp {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommitIsWrittenBeforeItIsAcknowledged() {
        // H2's default of 500 ms let the full-disk drill get 201 for a subscription that was then lost
        java.util.List<String> delays = jdbc.queryForList(
                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'", String.class);

        assertThat(delays).isNotEmpty().containsOnly("0"); // H2 lists the setting twice
    }
}
