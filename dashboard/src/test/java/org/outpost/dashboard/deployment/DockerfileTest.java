package org.outpost.dashboard.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Dockerfile, checked offline (no Docker engine here): {@link DockerfileChecks} finds no
 * problem in it and finds each kind in a copy broken on purpose; the healthcheck probe the image
 * compiles is compiled here and run against a real HTTP server.
 */
class DockerfileTest {

    private static final String DOCKERFILE = RepositoryFiles.read("Dockerfile");
    private static final Function<String, String> POMS =
            module -> RepositoryFiles.read(module.isEmpty() ? "pom.xml" : module + "/pom.xml");

    @Test
    void theDockerfileHasNoProblems() {
        assertThat(DockerfileChecks.problems(DOCKERFILE, POMS)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void findsTheProblemInABrokenCopy(String breakage, UnaryOperator<String> broken, String expected) {
        String copy = broken.apply(DOCKERFILE);
        assertThat(copy).as("the breakage applies").isNotEqualTo(DOCKERFILE);
        assertThat(DockerfileChecks.problems(copy, POMS))
                .anySatisfy(p -> assertThat(p).contains(expected));
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                Arguments.of(
                        "the data folder not handed to the app's user",
                        once(" \\\n && chown -R outpost:outpost /var/lib/outpost", ""),
                        "/var/lib/outpost/data is not handed to outpost (chown) before USER outpost"),
                Arguments.of(
                        "the data folder not made",
                        once(" \\\n && mkdir -p /var/lib/outpost/data", ""),
                        "/var/lib/outpost/data is not created in the image"),
                Arguments.of(
                        "handed over after USER, which cannot chown",
                        once(
                                " \\\n && chown -R outpost:outpost /var/lib/outpost",
                                "\nUSER outpost\nRUN chown -R outpost:outpost /var/lib/outpost"),
                        "/var/lib/outpost/data is not handed to outpost (chown) before USER"),
                Arguments.of("running as root", once("USER outpost\n", ""), "the image runs as root"),
                Arguments.of(
                        "a healthcheck with curl the image lacks",
                        healthcheck("CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1"),
                        "the HEALTHCHECK uses curl, which the image does not install"),
                Arguments.of(
                        "a healthcheck with wget the image lacks",
                        healthcheck("CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1"),
                        "the HEALTHCHECK uses wget, which the image does not install"),
                Arguments.of("no healthcheck", healthcheck(null), "the image has no HEALTHCHECK"),
                Arguments.of(
                        "a probe class that is not copied into the image",
                        once("COPY --from=build /healthcheck /opt/outpost/healthcheck\n", ""),
                        "the HEALTHCHECK runs class Healthcheck from /opt/outpost/healthcheck, which is not compiled"),
                Arguments.of("building every module", once("-pl dashboard -am ", ""), "build -pl dashboard -am"),
                Arguments.of(
                        "resolving the Elasticsearch zip",
                        once(" -DskipElasticsearchNode", ""),
                        "the build resolves the Elasticsearch distribution zip"));
    }

    @Test
    void aHealthcheckWithCurlIsFineWhenTheImageInstallsIt() {
        String copy = healthcheck("CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1")
                .apply(DOCKERFILE)
                .replace("fontconfig fonts-dejavu-core", "fontconfig fonts-dejavu-core curl");
        assertThat(DockerfileChecks.problems(copy, POMS)).isEmpty();
    }

    @Test
    void aModuleThatAlwaysResolvesTheElasticsearchZipIsFound() {
        String alwaysZip = RepositoryFiles.read("crawler/pom.xml")
                .replace(
                        "<name>!" + DockerfileChecks.SKIP_NODE_PROPERTY + "</name>", "<name>!someOtherProperty</name>");
        assertThat(alwaysZip).isNotEqualTo(RepositoryFiles.read("crawler/pom.xml"));
        Function<String, String> poms = module -> module.equals("crawler") ? alwaysZip : POMS.apply(module);

        assertThat(DockerfileChecks.problems(DOCKERFILE, poms))
                .containsExactly("crawler/pom.xml depends on the Elasticsearch distribution zip outside a profile that"
                        + " -DskipElasticsearchNode turns off");
    }

    @Test
    void theHealthcheckProbeExitsZeroOnlyWhenTheAppAnswers2xx(@TempDir Path classes) throws Exception {
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "--release",
                        "21",
                        "-d",
                        classes.toString(),
                        RepositoryFiles.path("deploy/docker/Healthcheck.java").toString());
        assertThat(compiled).isZero();

        HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.createContext("/starting", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        app.start();
        try {
            String base = "http://127.0.0.1:" + app.getAddress().getPort();
            assertThat(probe(classes, base + "/ready")).isZero();
            assertThat(probe(classes, base + "/starting")).isEqualTo(1);
            assertThat(probe(classes, "http://127.0.0.1:" + closedPort() + "/ready"))
                    .isEqualTo(1);
        } finally {
            app.stop(0);
        }
    }

    private static int probe(Path classes, String url) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx16m", "-cp", classes.toString(), "Healthcheck", url)
                .redirectErrorStream(true)
                .start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        return process.exitValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The Dockerfile with its HEALTHCHECK replaced (or removed, for null). */
    private static UnaryOperator<String> healthcheck(@Nullable String command) {
        return dockerfile -> {
            List<String> lines = List.of(dockerfile.split("\n", -1));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("HEALTHCHECK")) {
                    i++; // its continuation line
                    if (command != null) {
                        out.append("HEALTHCHECK --interval=15s \\\n  ")
                                .append(command)
                                .append('\n');
                    }
                } else {
                    out.append(lines.get(i)).append(i < lines.size() - 1 ? "\n" : "");
                }
            }
            return out.toString();
        };
    }

    private static UnaryOperator<String> once(String text, String replacement) {
        return dockerfile -> {
            assertThat(dockerfile.split(java.util.regex.Pattern.quote(text), -1))
                    .as("occurrences of " + text)
                    .hasSize(2);
            return dockerfile.replace(text, replacement);
        };
    }
}
