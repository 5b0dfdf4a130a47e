package org.outpost.core.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A throwaway PostgreSQL cluster for tests and drills: {@code initdb} into a fresh folder, the
 * server on a free loopback port, databases created on request, stopped by {@link #stop()}.
 *
 * <p>PostgreSQL refuses to run as root, so when we are root every server program runs as the
 * unprivileged user {@code nobody} through {@code setpriv}, and the folder must lie where that
 * user can enter (not under /root, which is mode 700). The server runs in the foreground as our
 * child with a parent-death signal, so a test JVM that is killed does not leave it running.
 *
 * <p>Not for production: {@code fsync} is off, which is safe only for data thrown away after the run.
 */
public final class LocalPostgres implements AutoCloseable {

    /** Who runs the server when we are root; Elasticsearch runs as the same user here. */
    public static final String UNPRIVILEGED_USER = "nobody";

    private static final String SUPERUSER = "outpost";
    private static final String PASSWORD = "outpost-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_LINES_IN_ERRORS = 30;

    private final Path root;
    private final Path bin;
    private final Path data;
    private final Path serverLog;
    private final int port;
    private final List<String> asOwner;
    private final Process server;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private LocalPostgres(Path root, Path bin, int port, List<String> asOwner, Process server) {
        this.root = root;
        this.bin = bin;
        this.data = root.resolve("data");
        this.serverLog = root.resolve("server.log");
        this.port = port;
        this.asOwner = asOwner;
        this.server = server;
        this.shutdownHook = new Thread(this::stop, "outpost-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates a cluster in {@code root} (a new or empty folder), starts it on a free loopback port
     * and returns once it accepts connections.
     *
     * @throws IllegalStateException saying what failed, with the server log's last lines
     */
    public static LocalPostgres start(Path root) {
        Path bin = binaries();
        Path folder = root.toAbsolutePath().normalize();
        boolean switchUser = isRoot();
        List<String> asOwner = ownerPrefix(switchUser);
        Path data = folder.resolve("data");
        Path log = folder.resolve("server.log");
        try {
            prepare(folder, switchUser);
            Path passwordFile = folder.resolve("password");
            Files.writeString(passwordFile, PASSWORD + "\n");
            handOver(passwordFile, switchUser);
            run(
                    asOwner,
                    folder,
                    List.of(
                            bin.resolve("initdb").toString(),
                            "--pgdata=" + data,
                            "--username=" + SUPERUSER,
                            "--pwfile=" + passwordFile,
                            "--auth-local=trust",
                            "--auth-host=scram-sha-256",
                            "--encoding=UTF8",
                            // code point order, as H2 sorts, whatever the machine's locale
                            "--locale=C",
                            "--no-sync"),
                    log);
            Files.delete(passwordFile);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare a PostgreSQL cluster in " + folder + ": " + e, e);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(asOwner);
        command.addAll(List.of(
                bin.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-k",
                folder.toString(),
                "-c",
                "listen_addresses=127.0.0.1",
                // throwaway data: nothing needs to survive a crash of the machine
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=300",
                "-c",
                "log_min_messages=warning"));
        Process server = launch(command, folder, log);
        LocalPostgres postgres = new LocalPostgres(folder, bin, port, asOwner, server);
        try {
            postgres.awaitConnections();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /** The JDBC URL of a database of this cluster (see {@link #createDatabase}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database owned by {@link #user()}; the name is taken as written (quoted). */
    public void createDatabase(String name) {
        if (!name.matches("[a-z0-9_-]{1,63}")) {
            throw new IllegalArgumentException("A test database name is 1 to 63 of a-z, 0-9, '_', '-': " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, PASSWORD);
                Statement s = c.createStatement()) {
            // template0 copies faster than template1's WAL-logged default and has nothing of ours in it
            s.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0 STRATEGY file_copy");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the PostgreSQL database " + name + ": " + e.getMessage()
                    + "\nLast lines of " + serverLog + ":\n" + logTail());
        }
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** The cluster's folder: its data, its log, its socket. */
    public Path root() {
        return root;
    }

    public boolean isRunning() {
        return server.isAlive();
    }

    /** Stops the server at once (its data is thrown away, so no clean shutdown is needed). */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (server.isAlive()) {
            try {
                // immediate: pools of this JVM may still hold connections, which a smart shutdown awaits
                run(
                        asOwner,
                        root,
                        List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate"),
                        root.resolve("pg_ctl.log"));
            } catch (RuntimeException e) {
                server.destroy();
            }
            try {
                if (!server.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    /** Deletes a folder tree; for callers that throw the cluster away after {@link #stop()}. */
    public static void delete(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + folder, e);
        }
    }

    /**
     * The folder of {@code initdb}, {@code postgres} and {@code pg_ctl}: the PATH's, else the newest
     * of Debian's {@code /usr/lib/postgresql/<version>/bin}.
     */
    static Path binaries() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir);
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("postgres"))) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        @Nullable Path best = null;
        int bestVersion = -1;
        if (Files.isDirectory(debian)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(debian)) {
                for (Path version : versions) {
                    String name = version.getFileName().toString();
                    if (name.matches("\\d+")
                            && Integer.parseInt(name) > bestVersion
                            && Files.isExecutable(version.resolve("bin/initdb"))) {
                        bestVersion = Integer.parseInt(name);
                        best = version.resolve("bin");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (best == null) {
            throw new IllegalStateException("PostgreSQL's server programs (initdb, postgres, pg_ctl) are neither on the"
                    + " PATH nor in /usr/lib/postgresql/<version>/bin: run build/ensure-postgres.sh"
                    + " (apt-get install postgresql), or run only the H2 tests (-Doutpost.test.database=h2)");
        }
        return best;
    }

    private static void prepare(Path folder, boolean switchUser) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(folder + " is not empty: a new cluster needs a new folder");
                }
            }
        }
        Files.createDirectories(folder);
        if (switchUser) {
            Path blocked = firstUnreachableAncestor(folder);
            if (blocked != null) {
                throw new IOException("PostgreSQL runs as '" + UNPRIVILEGED_USER + "' (it refuses root), which cannot"
                        + " enter " + blocked + ": give a folder under one it can reach, such as /tmp");
            }
            // the server checks that its data folder is private to its user (0700)
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            handOver(folder, true);
        }
    }

    private static void handOver(Path path, boolean switchUser) throws IOException {
        if (!switchUser) {
            return;
        }
        UserPrincipal owner =
                path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED_USER);
        Files.setOwner(path, owner);
    }

    private static @Nullable Path firstUnreachableAncestor(Path folder) throws IOException {
        for (Path p = folder.getParent(); p != null; p = p.getParent()) {
            var permissions = Files.getPosixFilePermissions(p);
            if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return p;
            }
        }
        return null;
    }

    private static List<String> ownerPrefix(boolean switchUser) {
        List<String> prefix = new ArrayList<>();
        prefix.add("setpriv");
        if (switchUser) {
            int uid = idOf("-u");
            int gid = idOf("-g");
            prefix.addAll(List.of("--reuid=" + uid, "--regid=" + gid, "--init-groups"));
        }
        // if this JVM dies (kill -9), the server is told to shut down fast instead of being orphaned
        prefix.addAll(List.of("--pdeathsig", "INT", "--"));
        return prefix;
    }

    /** Runs a program to completion, its output in {@code log}; fails with the log's tail. */
    private static void run(List<String> asOwner, Path folder, List<String> program, Path log) {
        List<String> command = new ArrayList<>(asOwner);
        command.addAll(program);
        try {
            Process p = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(program.getFirst() + " did not finish within "
                        + START_TIMEOUT.toSeconds() + "s. Last lines of " + log + ":\n" + tail(log));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", program) + " failed with exit code " + p.exitValue()
                        + ". Last lines of " + log + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not run " + command + ": " + e.getMessage()
                            + " (setpriv is in util-linux; the server programs come with Debian's postgresql)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program.getFirst(), e);
        }
    }

    private static Process launch(List<String> command, Path folder, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("LC_ALL", "C");
        // the parent-death signal fires when the thread that started the child ends, so start it
        // from a thread that lives as long as the server does
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread keeper = new Thread(
                () -> {
                    Process process;
                    try {
                        process = builder.start();
                    } catch (IOException e) {
                        started.completeExceptionally(e);
                        return;
                    }
                    started.complete(process);
                    try {
                        process.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "outpost-postgres-server");
        keeper.setDaemon(true);
        keeper.start();
        try {
            return started.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not start " + command + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out starting " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + command, e);
        }
    }

    private void awaitConnections() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String lastProblem = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with code " + server.exitValue()
                        + " while starting. Last lines of " + serverLog + ":\n" + logTail());
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, PASSWORD)) {
                return;
            } catch (SQLException e) {
                lastProblem = e.getMessage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections on port " + port + " within "
                + START_TIMEOUT.toSeconds() + "s (" + lastProblem + "). Last lines of " + serverLog + ":\n"
                + logTail());
    }

    private String logTail() {
        return tail(serverLog);
    }

    private static String tail(Path log) {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                last.addLast(line);
                if (last.size() > LOG_LINES_IN_ERRORS) {
                    last.removeFirst();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "(could not read the log: " + e + ")";
        }
        return String.join("\n", last);
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int idOf(String flag) {
        try {
            Process p = new ProcessBuilder("id", flag, UNPRIVILEGED_USER)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("PostgreSQL cannot run as root and the user '" + UNPRIVILEGED_USER
                        + "' to run it as does not exist (" + out + ")");
            }
            return Integer.parseInt(out);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not look up user '" + UNPRIVILEGED_USER + "' with the id command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking up user '" + UNPRIVILEGED_USER + "'", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on loopback", e);
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[127.0.0.1:" + port + ", " + root + "]";
    }
}
