package org.outpost.benchmarks.macro;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * An in-memory H2 database with the app's migrations behind a connection pool, as the app has
 * one (HikariCP). Without a pool every query opens a session, which showed as 11 % of the ingest
 * benchmark's CPU samples (SET statements parsed, sessions removed): a cost the app does not pay.
 */
final class BenchDatabase {

    private BenchDatabase() {}

    static DataSource migrated(String name, String... locations) {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        pool.setMaxConnections(16);
        Flyway.configure().dataSource(pool).locations(locations).load().migrate();
        return pool;
    }
}
