package org.outpost.dashboard.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml, checked offline (no Docker engine here): {@link ComposeFileChecks} finds no
 * problem in it, and finds each kind of problem in a copy broken on purpose.
 */
class ComposeFileTest {

    private static final String COMPOSE = RepositoryFiles.read("docker-compose.yml");
    private static final ComposeFileChecks.Context CONTEXT = new ComposeFileChecks.Context(
            RepositoryFiles.read("docs/deployment.md"),
            KnownSettings.load(),
            DockerfileChecks.hasHealthcheck(RepositoryFiles.read("Dockerfile")));

    @Test
    void theComposeFileHasNoProblems() {
        assertThat(ComposeFileChecks.problems(COMPOSE, CONTEXT)).isEmpty();
    }

    @Test
    void knowsTheVariablesTheAppReadsAndNoOthers() {
        KnownSettings settings = KnownSettings.load();
        // a placeholder of application.properties, an Outpost setting, Spring Boot's own
        assertThat(settings.reads("OUTPOST_DATA_DIR")).isTrue();
        assertThat(settings.reads("OUTPOST_CRAWLER_THREADS")).isTrue();
        assertThat(settings.reads("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(settings.reads("SERVER_FORWARD_HEADERS_STRATEGY")).isTrue();
        assertThat(settings.reads("OUTPOST_ELASTICSEARCH_HOSTS")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void findsTheProblemInABrokenCopy(String breakage, UnaryOperator<String> broken, String expected) {
        String copy = broken.apply(COMPOSE);
        assertThat(copy).as("the breakage applies").isNotEqualTo(COMPOSE);
        assertThat(ComposeFileChecks.problems(copy, CONTEXT))
                .anySatisfy(p -> assertThat(p).contains(expected));
    }

    @Test
    void anAppWithoutItsImagesHealthcheckHasNone() {
        ComposeFileChecks.Context withoutImageHealthcheck =
                new ComposeFileChecks.Context(CONTEXT.deploymentGuide(), CONTEXT.settings(), false);
        assertThat(ComposeFileChecks.problems(COMPOSE, withoutImageHealthcheck))
                .contains("outpost has no healthcheck", "outpost-a has no healthcheck");
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken(
                        "depends on a service that does not exist",
                        once("depends_on: [prometheus]", "depends_on: [promethus]"),
                        "grafana depends on promethus, which is not a service"),
                broken(
                        "mounts an undeclared volume",
                        once("- pg-data:/var/lib/postgresql/data", "- pgdata:/var/lib/postgresql/data"),
                        "postgres mounts volume pgdata, which is not declared"),
                broken(
                        "declares a volume nobody mounts",
                        once("- pg-data:/var/lib/postgresql/data", "- pgdata:/var/lib/postgresql/data"),
                        "volume pg-data is declared but no service mounts it"),
                broken(
                        "reads a variable the guide does not explain",
                        once(
                                "      SPRING_MAIL_PORT: \"1025\"\n      # where",
                                "      SPRING_MAIL_PORT: \"${MAIL_PORT:-1025}\"\n      # where"),
                        "outpost reads ${MAIL_PORT}, which docs/deployment.md does not explain"),
                broken(
                        "requires a variable in a profile's service",
                        once(
                                "OUTPOST_ALERTS_SECRET_KEY: ${OUTPOST_ALERTS_SECRET_KEY:-}\n      # the client's",
                                "OUTPOST_ALERTS_SECRET_KEY: ${OUTPOST_ALERTS_SECRET_KEY:?set it}\n      # the client's"),
                        "outpost-a requires ${OUTPOST_ALERTS_SECRET_KEY} but belongs to profile [scale-out]"),
                broken(
                        "a server without restart policy",
                        once("    image: postgres:17\n    restart: unless-stopped\n", "    image: postgres:17\n"),
                        "postgres has no restart policy"),
                broken(
                        "a one-shot job that is restarted",
                        once("    restart: \"no\"\n", "    restart: unless-stopped\n"),
                        "waits for es-snapshots-owner to complete, which is restarted"),
                broken(
                        "the database without healthcheck",
                        once(
                                "    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready",
                                "    x-healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready"),
                        "postgres has no healthcheck"),
                broken(
                        "an app setting the app does not read",
                        once(
                                "OUTPOST_ELASTICSEARCH_URL: http://elasticsearch:9200",
                                "OUTPOST_ELASTICSEARCH_HOSTS: http://elasticsearch:9200"),
                        "outpost sets OUTPOST_ELASTICSEARCH_HOSTS, which is no setting the app reads"),
                broken(
                        "an instance not waiting for a node it uses",
                        once(
                                "    depends_on:\n      es1: { condition: service_healthy }\n      es2: { condition: service_healthy }\n      es3: { condition: service_healthy }\n      postgres: { condition: service_healthy }\n      mailpit: { condition: service_started }\n    environment: &",
                                "    depends_on:\n      es1: { condition: service_healthy }\n      es2: { condition: service_healthy }\n      postgres: { condition: service_healthy }\n      mailpit: { condition: service_started }\n    environment: &"),
                        "outpost-a connects to es3 but does not wait for it to be healthy"),
                broken(
                        "an instance not given every node of the cluster",
                        once("http://es1:9200,http://es2:9200,http://es3:9200", "http://es1:9200,http://es2:9200"),
                        "outpost-a is given the nodes [es1, es2] but the cluster is [es1, es2, es3]"),
                broken(
                        "a node that does not find the others",
                        once(
                                "      node.name: es3\n      discovery.seed_hosts: es1,es2",
                                "      node.name: es3\n      discovery.seed_hosts: es1"),
                        "es3 finds [es1, es3] through discovery.seed_hosts"),
                broken(
                        "instances keeping the alerts key in different volumes",
                        last("- cluster-app-data:/var/lib/outpost/data", "- app-data:/var/lib/outpost/data"),
                        "keep their data folder (and the generated alerts key) in different volumes"),
                broken(
                        "the scale-out entry pulling in the one-instance app",
                        once(
                                "      outpost-a: { condition: service_healthy }\n      outpost-b: { condition: service_healthy }\n    volumes:\n      - ./deploy",
                                "      outpost: { condition: service_healthy }\n      outpost-b: { condition: service_healthy }\n    volumes:\n      - ./deploy"),
                        "proxy brings up outpost, which belongs to every start"));
    }

    private static Arguments broken(String breakage, UnaryOperator<String> change, String expected) {
        return Arguments.of(breakage, change, expected);
    }

    /** Replaces the one occurrence of {@code text}; a breakage that no longer matches the file fails the test. */
    private static UnaryOperator<String> once(String text, String replacement) {
        return compose -> {
            assertThat(occurrences(compose, text)).as("occurrences of " + text).isEqualTo(1);
            return compose.replace(text, replacement);
        };
    }

    private static UnaryOperator<String> last(String text, String replacement) {
        return compose -> {
            int at = compose.lastIndexOf(text);
            assertThat(at).as(text).isNotNegative();
            return compose.substring(0, at) + replacement + compose.substring(at + text.length());
        };
    }

    private static int occurrences(String text, String part) {
        return List.of(text.split(java.util.regex.Pattern.quote(part), -1)).size() - 1;
    }
}
