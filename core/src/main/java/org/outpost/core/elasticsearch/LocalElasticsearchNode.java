package org.outpost.core.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a single-node Elasticsearch cluster on loopback for this process (or, with a {@link
 * ClusterMembership}, one member of a cluster of local nodes): unpacks the
 * distribution Maven resolved, starts the node (as an unprivileged user when we are root),
 * waits for cluster health and stops the node again on {@link #close()} or JVM shutdown.
 *
 * <p>Security is off because the node listens on 127.0.0.1 only.
 */
public final class LocalElasticsearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearchNode.class);
    private static final int LOG_LINES_IN_ERRORS = 40;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final NodeFolders folders;
    private final Process process;
    private final URI httpUri;
    private final Path consoleLog;
    private final Thread shutdownHook;
    private volatile boolean stopping;

    private LocalElasticsearchNode(NodeFolders folders, Process process, URI httpUri, Path consoleLog) {
        this.folders = folders;
        this.process = process;
        this.httpUri = httpUri;
        this.consoleLog = consoleLog;
        this.shutdownHook = new Thread(this::stop, "outpost-elasticsearch-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the node and returns once the cluster reports yellow or green health.
     *
     * @throws NodeStartException with the last lines of the node's log when it does not come up
     */
    public static LocalElasticsearchNode start(LocalNodeSettings settings) {
        return start(settings, null);
    }

    /**
     * Starts one member of a cluster of several local nodes and returns once the cluster reports
     * yellow or green health, which needs a master: a majority of the master-eligible members must
     * be starting too, so start them side by side (one thread each), not one after the other.
     */
    public static LocalElasticsearchNode startMember(LocalNodeSettings settings, ClusterMembership membership) {
        return start(settings, java.util.Objects.requireNonNull(membership, "membership"));
    }

    private static LocalElasticsearchNode start(LocalNodeSettings settings, @Nullable ClusterMembership membership) {
        ProcessOwner owner = ProcessOwner.forCurrentProcess(settings.runAsUser());
        NodeFolders folders;
        try {
            folders = NodeFolders.prepare(
                    settings.rootDir(), settings.distribution(), DistributionLocator.VERSION, owner);
        } catch (IOException e) {
            throw new NodeStartException(
                    "Could not prepare the Elasticsearch folders under " + settings.rootDir() + ": " + e, e);
        }
        stopLeftoverNode(folders);
        int httpPort = settings.httpPort() == 0 ? freePort() : settings.httpPort();
        int transportPort = membership == null ? freePort() : membership.transportPort();
        Path consoleLog = folders.logs.resolve("console.log");
        try {
            writeConfig(folders, httpPort, transportPort, membership);
            owner.own(folders.config);
            Files.deleteIfExists(consoleLog);
        } catch (IOException e) {
            throw new NodeStartException("Could not write the Elasticsearch configuration in " + folders.config, e);
        }
        URI uri = URI.create("http://127.0.0.1:" + httpPort);
        log.info(
                "Starting Elasticsearch {} on {} (data in {}, log in {})",
                DistributionLocator.VERSION,
                uri,
                folders.data,
                consoleLog);
        Process process = launch(settings, folders, owner, consoleLog);
        LocalElasticsearchNode node = new LocalElasticsearchNode(folders, process, uri, consoleLog);
        try {
            node.awaitHealth(settings.startTimeout());
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        writePid(folders, process);
        return node;
    }

    public URI httpUri() {
        return httpUri;
    }

    public Path dataDir() {
        return folders.data;
    }

    /**
     * The node's {@code path.repo}: a file-system snapshot repository registered with a location
     * under it can take and restore snapshots (see docs/deployment.md, "Backups").
     */
    public Path snapshotsDir() {
        return folders.snapshots;
    }

    public Path logFile() {
        return consoleLog;
    }

    public boolean isRunning() {
        return process.isAlive();
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

    private synchronized void stop() {
        if (stopping && !process.isAlive()) {
            return;
        }
        stopping = true;
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        if (process.isAlive()) {
            log.info("Stopping Elasticsearch on {}", httpUri);
            process.destroy(); // SIGTERM: the node's launcher stops the server JVM cleanly
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    log.warn("Elasticsearch did not stop within {}s; killing it", STOP_TIMEOUT.toSeconds());
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        for (ProcessHandle child : tree) {
            awaitOrKill(child);
        }
        try {
            Files.deleteIfExists(folders.root.resolve("node.pid"));
        } catch (IOException e) {
            log.debug("Could not remove the pid file", e);
        }
    }

    private void awaitOrKill(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    private void awaitHealth(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        httpUri.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        String lastProblem = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw failure("Elasticsearch exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    log.info("Elasticsearch is up on {}", httpUri);
                    return;
                }
                lastProblem = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("Interrupted while waiting for Elasticsearch");
            }
            sleep(Duration.ofMillis(500));
        }
        throw failure("Elasticsearch did not report health within " + timeout.toSeconds() + "s (" + lastProblem + ")");
    }

    private NodeStartException failure(String what) {
        return new NodeStartException(
                what + ". Last lines of " + consoleLog + ":\n" + LogTail.lastLines(consoleLog, LOG_LINES_IN_ERRORS));
    }

    private static Process launch(
            LocalNodeSettings settings, NodeFolders folders, ProcessOwner owner, Path consoleLog) {
        List<String> command = new ArrayList<>(owner.commandPrefix());
        command.add(folders.home.resolve("bin/elasticsearch").toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folders.root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", folders.config.toString());
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        // pdeathsig fires when the thread that started the child ends, so start it from a
        // thread that lives as long as the node does
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
                        int code = process.waitFor();
                        log.info("Elasticsearch process exited with code {}", code);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "outpost-elasticsearch-node");
        keeper.setDaemon(true);
        keeper.start();
        try {
            return started.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new NodeStartException(
                    "Could not start " + command + ": " + e.getCause().getMessage()
                            + (owner.switchesUser() ? " (is setpriv from util-linux installed?)" : ""),
                    e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw new NodeStartException("Timed out starting " + command, e);
        }
    }

    private static void writeConfig(
            NodeFolders folders, int httpPort, int transportPort, @Nullable ClusterMembership membership)
            throws IOException {
        Files.writeString(
                folders.config.resolve("elasticsearch.yml"), config(folders, httpPort, transportPort, membership));
    }

    private static String config(
            NodeFolders folders, int httpPort, int transportPort, @Nullable ClusterMembership membership) {
        // one node forms its own cluster; a member discovers the others (and, on loopback, stays in
        // development mode, so bootstrap checks only warn)
        String cluster = membership == null
                ? "cluster.name: outpost-local\nnode.name: outpost-local\ndiscovery.type: single-node"
                : membership.yaml().strip();
        return """
                # Written by Outpost at every start of its local node; edits are overwritten.
                %s
                path.data: %s
                path.logs: %s
                path.repo: %s
                network.host: 127.0.0.1
                http.port: %d
                transport.port: %d
                # loopback only, so no TLS and no users
                xpack.security.enabled: false
                action.destructive_requires_name: true
                """.formatted(cluster, folders.data, folders.logs, folders.snapshots, httpPort, transportPort);
    }

    /** A node left running by a process that was killed would hold the data folder's lock. */
    private static void stopLeftoverNode(NodeFolders folders) {
        String marker = folders.root.toString();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(marker) && c.contains("elasticsearch"))
                        .orElse(false))
                .toList();
        for (ProcessHandle p : leftovers) {
            log.warn("Stopping Elasticsearch process {} left over from an earlier run on {}", p.pid(), marker);
            p.destroy();
        }
        for (ProcessHandle p : leftovers) {
            try {
                p.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private static void writePid(NodeFolders folders, Process process) {
        try {
            Files.writeString(folders.root.resolve("node.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new NodeStartException("No free port on loopback", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalElasticsearchNode[" + httpUri + ", " + folders.root + "]";
    }
}
