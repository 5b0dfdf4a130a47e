package org.outpost.benchmarks.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's H2 database read directly once the app has stopped: what the app recorded about
 * runs, the ingest queue and deliveries, without trusting the app's own API for the verdict.
 */
final class AppDatabase implements AutoCloseable {

    private final Connection connection;

    private AppDatabase(Connection connection) {
        this.connection = connection;
    }

    /** Opens the database of a stopped app (H2 allows one process per file). */
    static AppDatabase open(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/outpost") + ";IFEXISTS=TRUE";
        return new AppDatabase(DriverManager.getConnection(url, "sa", ""));
    }

    /** A database the app shares with other instances (PostgreSQL), read while they run. */
    static AppDatabase connect(String jdbcUrl, String user, String password) throws SQLException {
        return new AppDatabase(DriverManager.getConnection(jdbcUrl, user, password));
    }

    /** Every row of a query, each as its columns in order (timestamps as {@link java.time.Instant}). */
    java.util.List<Object[]> rows(String sql) throws SQLException {
        java.util.List<Object[]> out = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    Object value = rs.getObject(i + 1);
                    if (value instanceof java.sql.Timestamp t) {
                        value = t.toInstant();
                    } else if (value instanceof java.time.OffsetDateTime t) {
                        value = t.toInstant();
                    }
                    row[i] = value;
                }
                out.add(row);
            }
        }
        return out;
    }

    long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows per value of the first column, for {@code select status, count(*) ... group by status}. */
    Map<String, Long> grouped(String sql) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    Map<String, Long> runStatuses() throws SQLException {
        return grouped("select status, count(*) from crawl_run group by status order by status");
    }

    /** Deliveries that go out over the network (in-app ones need no sending), by status. */
    Map<String, Long> deliveryStatuses(String channelPrefix) throws SQLException {
        return grouped("select status, count(*) from alert_delivery where channel like '" + channelPrefix
                + "%' group by status order by status");
    }

    long deliveries(String channelPrefix) throws SQLException {
        return count("select count(*) from alert_delivery where channel like '" + channelPrefix + "%'");
    }

    /**
     * Event publications whose listener has not finished (completed ones are deleted: the app runs
     * the registry with {@code completion-mode=DELETE}).
     */
    long unfinishedPublications() throws SQLException {
        return count("select count(*) from event_publication where completion_date is null");
    }

    long queueDepth() throws SQLException {
        return count("select count(*) from ingest_queue");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
