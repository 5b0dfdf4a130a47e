package org.outpost.dashboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app as started on this run's database (H2, or PostgreSQL in the build's second run): every
 * module's migrations and the vendor's own applied, and the tables the modules share instances
 * through are there.
 */
@Tag(TestDatabases.TAG)
class MigrationsOnEachVendorTest extends OutpostAppTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAppRunsOnTheVendorThisTestRunAskedFor() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            assertThat(product).contains(TestDatabases.postgresql() ? "postgresql" : "h2");
        }
    }

    @Test
    // Flyway creates its table with quoted lower-case names on both vendors; H2 folds unquoted names to upper case
    void everyModulesMigrationsAndTheVendorsOwnAreApplied() {
        List<String> scripts = jdbc.queryForList(
                "select \"script\" from \"flyway_schema_history\" where \"success\" = true and \"script\" like '%.sql'",
                String.class);
        assertThat(scripts)
                .as("crawler, alerts and dashboard, and the vendor's Quartz and event publication tables")
                .contains("crawler/V2__crawler.sql", "crawler/V3__quartz.sql", "alerts/V4__alerts.sql")
                .contains("dashboard/V1__users_and_corpus_import.sql", "dashboard/V9.5__event_publication.sql");
        assertThat(jdbc.queryForObject(
                        "select count(*) from \"flyway_schema_history\" where \"success\" = false", Long.class))
                .isZero();
        for (String table : List.of(
                "qrtz_locks",
                "qrtz_scheduler_state",
                "event_publication",
                "users",
                "authorities",
                "audit_log",
                "sign_in_throttle",
                "api_tokens",
                "alert_email_confirmation",
                "alert_delivery",
                "report",
                "report_run")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class))
                    .as(table)
                    .isNotNull();
        }
    }
}
