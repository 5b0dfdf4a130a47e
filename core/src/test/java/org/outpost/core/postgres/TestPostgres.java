package org.outpost.core.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL cluster a test JVM shares among its tests, started on first use in a fresh
 * folder under {@code java.io.tmpdir}, stopped and deleted when the JVM exits. Each test harness
 * takes its own database in it, as it takes its own {@code jdbc:h2:mem:} database on H2.
 */
public final class TestPostgres {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static LocalPostgres cluster;

    private TestPostgres() {}

    public static synchronized LocalPostgres cluster() {
        if (cluster == null) {
            Path root;
            try {
                // java.io.tmpdir (/tmp) is one that the unprivileged server user can enter
                root = Files.createTempDirectory("outpost-test-postgres-");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a folder for the test PostgreSQL cluster", e);
            }
            LocalPostgres started = LocalPostgres.start(root);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.stop();
                                LocalPostgres.delete(root);
                            },
                            "outpost-test-postgres-cleanup"));
            cluster = started;
        }
        return cluster;
    }

    /**
     * The JDBC URL of the database called {@code name} (lower-cased; a long name is shortened
     * with a hash), created on its first request in this JVM: the same name is the same database,
     * as {@code jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1} is on H2.
     */
    public static String database(String name) {
        String database = databaseName(name);
        if (CREATED.add(database)) {
            try {
                cluster().createDatabase(database);
            } catch (RuntimeException e) {
                CREATED.remove(database);
                throw e;
            }
        }
        return cluster().jdbcUrl(database);
    }

    /** A new, empty database whose name starts with {@code prefix}; returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        return database(prefix + "-" + SEQUENCE.incrementAndGet());
    }

    static String databaseName(String name) {
        String cleaned = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        if (cleaned.length() <= 63) {
            return cleaned;
        }
        String hash = Integer.toHexString(name.hashCode());
        return cleaned.substring(0, 62 - hash.length()) + "_" + hash;
    }
}
