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
