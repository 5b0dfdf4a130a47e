package org.outpost.core.postgres;

import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database the tests of this JVM run on, chosen by the system property {@code
 * outpost.test.database}: {@code h2} (the default; in memory) or {@code postgresql} (a database
 * of the {@link TestPostgres} cluster). Harnesses ask here instead of building a JDBC URL, so the
 * same tests run on both; the build runs the tests tagged {@code database} a second time on
 * PostgreSQL.
 */
public final class TestDatabases {

    /** The property that chooses the vendor. */
    public static final String PROPERTY = "outpost.test.database";

    /** The JUnit tag of the test classes the build runs on PostgreSQL too. */
    public static final String TAG = "database";

    private TestDatabases() {}

    /** Where to connect: a JDBC URL with its user and password. */
    public record Database(String url, String user, String password) {}

    /** {@code h2} or {@code postgresql}: the vendor's name in Flyway's {@code db/vendor/<vendor>} folders. */
    public static String vendor() {
        String vendor = System.getProperty(PROPERTY, "h2").strip().toLowerCase(Locale.ROOT);
        return switch (vendor) {
            case "", "h2" -> "h2";
            case "postgresql", "postgres", "pg" -> "postgresql";
            default -> throw new IllegalStateException(PROPERTY + " is h2 or postgresql, not '" + vendor + "'");
        };
    }

    public static boolean postgresql() {
        return vendor().equals("postgresql");
    }

    /**
     * The database called {@code name} on this run's vendor, created on its first request: the
     * same name within one JVM is the same database (two harnesses on it are two app instances).
     */
    public static Database database(String name) {
        if (postgresql()) {
            return new Database(
                    TestPostgres.database(name),
                    TestPostgres.cluster().user(),
                    TestPostgres.cluster().password());
        }
        return new Database("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /**
     * A data source on {@link #database(String) the database called name}: a new connection per
     * {@code getConnection()}, as Spring's {@code DriverManagerDataSource} gives (no pool to size or close).
     */
    public static DataSource dataSource(String name) {
        Database database = database(name);
        return new UnpooledDataSource(database.url(), database.user(), database.password());
    }

    /** Flyway's locations as the app sets them: the common migrations, then this vendor's. */
    public static String[] flywayLocations() {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor()};
    }
}
