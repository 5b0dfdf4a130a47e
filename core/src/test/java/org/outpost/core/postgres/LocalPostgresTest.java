package org.outpost.core.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    @Test
    void startsAClusterWhoseDatabasesAreSeparateAndStopsIt() throws Exception {
        Path root = Files.createTempDirectory("outpost-local-postgres-test-");
        try {
            LocalPostgres postgres = LocalPostgres.start(root);
            try {
                postgres.createDatabase("one");
                postgres.createDatabase("two");
                try (Connection one = connect(postgres, "one");
                        Statement s = one.createStatement()) {
                    s.execute("create table t (id int primary key)");
                    s.execute("insert into t values (1)");
                    try (ResultSet version = s.executeQuery("show server_version_num")) {
                        version.next();
                        assertThat(Integer.parseInt(version.getString(1))).isGreaterThanOrEqualTo(150000);
                    }
                }
                try (Connection two = connect(postgres, "two");
                        Statement s = two.createStatement()) {
                    assertThatThrownBy(() -> s.executeQuery("select * from t")).hasMessageContaining("does not exist");
                }
                assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("one"), postgres.user(), "wrong"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
            } finally {
                postgres.stop();
            }
            assertThat(postgres.isRunning()).isFalse();
            assertThatThrownBy(() -> connect(postgres, "one")).isInstanceOf(SQLException.class);
        } finally {
            LocalPostgres.delete(root);
        }
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws Exception {
        Path root = Files.createTempDirectory("outpost-local-postgres-test-");
        try {
            Files.writeString(root.resolve("something"), "x");
            assertThatThrownBy(() -> LocalPostgres.start(root)).hasMessageContaining("not empty");
        } finally {
            LocalPostgres.delete(root);
        }
    }

    @Test
    void sameNameIsSameDatabaseAndLongNamesAreShortened() throws Exception {
        String url = TestPostgres.database("Same-Name");
        assertThat(TestPostgres.database("same-name")).isEqualTo(url);
        assertThat(TestPostgres.newDatabase("fresh")).isNotEqualTo(TestPostgres.newDatabase("fresh"));
        String longName = "startup-" + "x".repeat(80);
        assertThat(TestPostgres.databaseName(longName)).hasSizeLessThanOrEqualTo(63);
        try (Connection c = DriverManager.getConnection(
                TestPostgres.database(longName),
                TestPostgres.cluster().user(),
                TestPostgres.cluster().password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    private static Connection connect(LocalPostgres postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }
}
