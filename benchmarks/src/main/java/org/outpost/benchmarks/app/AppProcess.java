package org.outpost.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real app ({@code dashboard/target/outpost.jar}, built by {@code ./mvnw package}) as a child
 * process, so drills and load benchmarks exercise what an operator runs: its own JVM and heap
 * limit, its data folder, its H2 database, restartable on the same folder, killable with SIGKILL.
 *
 * <p>Settings go in as environment variables and {@code --key=value} arguments, the way an
 * operator sets them. The sample corpus and the default sources are off unless asked for, and
 * private addresses are allowed for crawling and webhooks, because every fixture listens on loopback.
 */
public final class AppProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "drill-admin-password-1";

    private final Builder settings;
    private final int port;
    private final Path log;
    private Process process;
    private int starts;

    private AppProcess(Builder settings) {
        this.settings = settings;
        this.port = settings.port == 0 ? FreePort.onLoopback() : settings.port;
        this.log = settings.logFile != null ? settings.logFile : settings.dataDir.resolve("app.log");
    }

    public static Builder in(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Starts the app and returns once it reports ready; throws with the log's tail when it does not. */
    public AppProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.heap);
        command.addAll(settings.jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        settings.arguments.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("OUTPOST_DATA_DIR", settings.dataDir.toAbsolutePath().toString());
        env.put("OUTPOST_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("PORT", Integer.toString(port));
        env.put("OUTPOST_SEEDS_IMPORT", Boolean.toString(settings.sampleCorpus));
        env.put("OUTPOST_CRAWLER_DEFAULT_SOURCES", "false");
        env.put("OUTPOST_CRAWLER_ALLOW_PRIVATE", "true");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        if (settings.elasticsearchUrl != null) {
            env.put("OUTPOST_ELASTICSEARCH_URL", settings.elasticsearchUrl);
        }
        env.putAll(settings.environment);
        try {
            Files.createDirectories(settings.dataDir);
            Files.writeString(
                    log,
                    "%n===== start %d at %s: %s%n".formatted(++starts, Instant.now(), command),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command, e);
        }
        awaitReady(settings.startTimeout);
        return this;
    }

    /** SIGKILL: no shutdown hooks, no flush, as when the machine or the OOM killer ends it. */
    public void kill9() {
        if (process != null) {
            process.destroyForcibly(); // SIGKILL on Linux
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM and wait, as {@code docker stop} or Ctrl-C. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitForExit(Duration.ofSeconds(60))) {
                process.destroyForcibly();
                waitForExit(Duration.ofSeconds(10));
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    public Path dataDir() {
        return settings.dataDir;
    }

    /** A client signed in as the admin. */
    public OutpostApi api() {
        return new OutpostApi(url(), "admin", ADMIN_PASSWORD);
    }

    @Override
    public void close() {
        stop();
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The app exited with code " + process.exitValue() + " while starting. Log tail:\n" + tail(60));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(
                "The app was not ready within " + timeout.toSeconds() + " s (" + last + "). Log tail:\n" + tail(60));
    }

    /** The last lines of the app's log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty(
                "outpost.app.jar", System.getenv().getOrDefault("OUTPOST_APP_JAR", "dashboard/target/outpost.jar")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No app jar at " + jar.toAbsolutePath()
                    + ": build it with ./mvnw -B -DskipTests package, or set OUTPOST_APP_JAR");
        }
        return jar;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What to start: data folder, heap, Elasticsearch, extra settings. */
    public static final class Builder {
        private final Path dataDir;
        private String heap = "1g";
        private int port;
        private boolean sampleCorpus;
        private String elasticsearchUrl;
        private Duration startTimeout = Duration.ofMinutes(3);
        private Path logFile;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> arguments = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
            arguments.put("outpost.alerts.allow-private-webhooks", "true");
        }

        public Builder heap(String value) {
            heap = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder sampleCorpus(boolean value) {
            sampleCorpus = value;
            return this;
        }

        /** An Elasticsearch the caller runs (so it can stop or kill it); without one the app starts its own. */
        public Builder elasticsearch(URI url) {
            elasticsearchUrl = url.toString();
            return this;
        }

        public Builder mail(int smtpPort) {
            return set("spring.mail.host", "127.0.0.1").set("spring.mail.port", Integer.toString(smtpPort));
        }

        /** A Spring property, passed as {@code --key=value}. */
        public Builder set(String key, String value) {
            arguments.put(key, value);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder jvm(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** Where the app's output goes (default {@code app.log} in the data folder), e.g. off a data folder that fills up. */
        public Builder logFile(Path value) {
            logFile = value;
            return this;
        }

        public Builder startTimeout(Duration value) {
            startTimeout = value;
            return this;
        }

        /** Settings only; {@link AppProcess#start()} launches. */
        public AppProcess build() {
            return new AppProcess(this);
        }
    }
}
