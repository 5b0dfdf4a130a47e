package org.outpost.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * Every input a user sends has a limit answered up front with a 400 naming the field, and whatever still escapes a
 * controller is a problem-details answer with a truthful status: the cases issue 15 reported, over real HTTP.
 */
class LimitsApiTest extends OutpostAppTest {

    private static final String PASSWORD = "limits-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    ApiClient viewer;
    ApiClient analyst;

    @BeforeEach
    void users() {
        createUser("limits-viewer", "VIEWER");
        createUser("limits-analyst", "ANALYST");
        viewer = ApiClient.as(port, "limits-viewer", PASSWORD);
        analyst = ApiClient.as(port, "limits-analyst", PASSWORD);
    }

    @Test
    void aPageBeyondTheResultWindowIsA400NamingPageNotAnOverflow() throws Exception {
        assertRefused(viewer.get("/api/v1/articles?page=2147483647"), "page");
        assertRefused(viewer.get("/api/v1/articles?page=99999999999"), "page");
        assertRefused(viewer.get("/api/v1/articles?page=600&size=20"), "page");
        assertRefused(viewer.get("/api/v1/articles?size=1000"), "size");
        assertThat(viewer.get("/api/v1/articles?page=10&size=20").statusCode()).isEqualTo(200);
    }

    @Test
    void filterListsOfTheArticlesApiAreBounded() throws Exception {
        String topics = IntStream.range(0, 101).mapToObj(i -> "t" + i).collect(Collectors.joining(","));
        assertRefused(viewer.get("/api/v1/articles?topic=" + topics), "topic");
        assertRefused(viewer.get("/api/v1/articles?entity=" + "e".repeat(201)), "entity");
        assertRefused(viewer.get("/api/v1/articles/export?format=csv&language=" + "l,".repeat(150)), "language");
    }

    @Test
    void leadingWildcardsAndRegularExpressionsAreForTheRolesTheSettingNames() throws Exception {
        JsonNode refused = assertRefused(viewer.get("/api/v1/articles?q=" + encode("*a*")), "q");
        assertThat(refused.path("reason").asText()).isEqualTo("expensive");
        assertThat(refused.path("detail").asText()).contains("not allowed for your role");
        assertRefused(viewer.get("/api/v1/articles?q=" + encode("/her[o0]in/")), "q");
        assertRefused(viewer.get("/api/v1/articles/export?format=json&q=" + encode("*stan")), "q");

        assertThat(analyst.get("/api/v1/articles?q=" + encode("*a*")).statusCode())
                .isEqualTo(200);
        assertThat(viewer.get("/api/v1/articles?q=" + encode("border*")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyQueryTextOfTheApiGoesThroughTheSameLimitsAndOtherParametersAreNamed() throws Exception {
        assertRefused(viewer.get("/api/v1/trends?q=" + encode("*a*")), "q");
        assertThat(analyst.get("/api/v1/trends?q=" + encode("*a*")).statusCode())
                .isEqualTo(200);
        assertRefused(viewer.get("/api/v1/notifications?limit=100000"), "limit");
        assertRefused(viewer.get("/api/v1/trends?from=yesterday"), "from");
    }

    @Test
    void aRequestBodyOverTheBoundIs413WithOrWithoutADeclaredLength() throws Exception {
        String big = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        HttpResponse<String> declared = viewer.post("/api/v1/subscriptions", big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(ApiClient.json(declared).path("title").asText()).isEqualTo("Request too large");

        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/subscriptions"))
                                .header("Authorization", viewer.authorization())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
    }

    @Test
    void aQueryLongerThanTheSettingIsA400NamingQ() throws Exception {
        JsonNode refused = assertRefused(analyst.get("/api/v1/articles?q=" + encode("border ".repeat(150))), "q");
        assertThat(refused.path("reason").asText()).isEqualTo("too_long");
        assertThat(refused.path("detail").asText()).contains("at most 1000");
    }

    @Test
    void aSubscriptionWithFifteenHundredSourcesIsA400NamingSourcesNotADatabaseErrorOrA403() throws Exception {
        String sources = IntStream.range(0, 1500)
                .mapToObj(i -> "\"Source number " + i + "\"")
                .collect(Collectors.joining(","));
        HttpResponse<String> response = viewer.post("/api/v1/subscriptions", """
                {"name": "Every source", "query": "border", "sources": [%s], "channels": [{"type": "inapp"}]}""".formatted(sources));
        JsonNode problem = assertRefused(response, "sources");
        assertThat(problem.path("detail").asText()).contains("at most 100");

        HttpResponse<String> wild = viewer.post("/api/v1/subscriptions", """
                {"name": "Wild", "query": "*stan", "channels": [{"type": "inapp"}]}""");
        assertRefused(wild, "query");
        HttpResponse<String> preview = viewer.post("/api/v1/subscriptions/preview", """
                {"name": "Wild", "query": "*stan", "channels": [{"type": "inapp"}]}""");
        assertRefused(preview, "query");
    }

    @Test
    void aReportFiringEverySecondIsA400NamingTheSchedule() throws Exception {
        HttpResponse<String> response = analyst.post("/api/v1/reports", """
                {"name": "Flood", "period": "day", "schedule": "* * * * * *"}""");
        JsonNode problem = assertRefused(response, "schedule");
        assertThat(problem.path("detail").asText()).contains("every 1 s");
    }

    @Test
    void runNowWhileARunIsInProgressIs409AndBeyondTheUsersLimitIs429WithRetryAfter() throws Exception {
        HttpResponse<String> created = analyst.post("/api/v1/reports", """
                {"name": "Limited runs %s", "period": "day"}""".formatted(System.nanoTime()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();

        jdbc.sql("update report set run_started_at = ? where id = ?")
                .params(Instant.now().atOffset(ZoneOffset.UTC), id)
                .update();
        HttpResponse<String> busy = analyst.post("/api/v1/reports/" + id + "/run", "");
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
        assertThat(ApiClient.json(busy).path("detail").asText()).contains("in progress");
        jdbc.sql("update report set run_started_at = null where id = ?")
                .param(id)
                .update();

        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into report_run (report_id, trigger_kind, status, period_start, period_end, started_at,"
                            + " finished_at, requested_by) values (?, 'MANUAL', 'SUCCEEDED', ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            Instant.now().minusSeconds(86_400).atOffset(ZoneOffset.UTC),
                            Instant.now().atOffset(ZoneOffset.UTC),
                            Instant.now().minusSeconds(60L * (i + 1)).atOffset(ZoneOffset.UTC),
                            Instant.now().atOffset(ZoneOffset.UTC),
                            "limits-analyst")
                    .update();
        }
        HttpResponse<String> limited = analyst.post("/api/v1/reports/" + id + "/run", "");
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(3000L, 3600L));
        assertThat(ApiClient.json(limited).path("detail").asText()).contains("5 times");
    }

    @Test
    void anExceptionEscapingAControllerIsA500ProblemWithAReferenceAndNoInternals() throws Exception {
        HttpResponse<String> response = viewer.get("/api/v1/test-failures/bug");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.path("correlationId").asText()).hasSize(36);
        assertThat(problem.path("detail").asText())
                .contains(problem.path("correlationId").asText());
        assertThat(response.body()).doesNotContain("secret_things").doesNotContain("IllegalStateException");
    }

    @Test
    void knownFailuresKeepATruthfulStatus() throws Exception {
        assertThat(viewer.get("/api/v1/test-failures/too-long").statusCode()).isEqualTo(400);
        HttpResponse<String> slow = viewer.get("/api/v1/test-failures/slow");
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(ApiClient.json(slow).path("title").asText()).isEqualTo("The search took too long");

        HttpResponse<String> method = viewer.delete("/api/v1/articles");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).isPresent();

        HttpResponse<String> media = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/subscriptions"))
                                .header("Authorization", viewer.authorization())
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("name=x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(media.statusCode()).isEqualTo(415);
    }

    @Test
    void whatEscapesAPlainControllerReachesTheErrorPageInsteadOfABare403() throws Exception {
        HttpResponse<String> response = viewer.get("/api/v1/test-failures/plain");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("internal detail");
    }

    private static JsonNode assertRefused(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
        return problem;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void createUser(String name, String role) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name)
                    .password(passwords.encode(PASSWORD))
                    .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + role)))
                    .build());
        }
    }
}
