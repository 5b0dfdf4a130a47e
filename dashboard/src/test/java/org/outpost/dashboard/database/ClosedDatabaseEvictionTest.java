package org.outpost.dashboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's pool against an H2 file database that closes under it, as it does when a write fails on a full disk. */
class ClosedDatabaseEvictionTest {

    @TempDir
    Path dir;

    @Test
    void thePoolReopensAnH2DatabaseThatClosedItself() throws Exception {
        try (HikariDataSource pool = pool(ClosedDatabaseEviction.class.getName())) {
            createAndClose(pool);

            // one request meets a dead connection; the ones after it get a reopened database
            assertThat(countAfterAttempts(pool, 3)).isEqualTo(1);
        }
    }

    @Test
    void withoutItTheDatabaseStaysClosedUntilARestart() throws Exception {
        try (HikariDataSource pool = pool(null)) {
            createAndClose(pool);

            assertThat(countAfterAttempts(pool, 3)).isEqualTo(-1);
        }
    }

    private HikariDataSource pool(String override) {
        HikariConfig config = new HikariConfig();
        // the app's URL shape: a file database that the JVM's exit does not close
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("outpost") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(3);
        config.setExceptionOverrideClassName(override);
        return new HikariDataSource(config);
    }

    /** H2 closes a database itself only on a fatal error; SHUTDOWN leaves the pool in the same state. */
    private static void createAndClose(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table story (id int)");
            s.execute("insert into story values (1)");
            s.execute("shutdown");
        } catch (SQLException closed) {
            // H2 answers its own SHUTDOWN with "database is already closed"
        }
    }

    /** The row count from the first of {@code attempts} queries that works, or -1. */
    private static int countAfterAttempts(HikariDataSource pool, int attempts) {
        for (int i = 0; i < attempts; i++) {
            try (Connection c = pool.getConnection();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select count(*) from story")) {
                r.next();
                return r.getInt(1);
            } catch (SQLException e) {
                // a closed database: try again, as the next request would
            }
        }
        return -1;
    }
}
