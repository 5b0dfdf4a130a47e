package org.outpost.dashboard.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal API tokens against the running app: made with a password, used as Bearer, refused once revoked or expired. */
@Tag(TestDatabases.TAG)
class TokenApiTest extends OutpostAppTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String SUBSCRIPTION = """
            {"name": "Token test", "query": "border", "frequency": "instant", "channels": [{"type": "inapp"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.admin(port);
    }

    @Test
    void aTokenReadsAndWritesAsItsOwnerAndItsSecretIsShownOnlyOnce() throws Exception {
        String owner = user("ANALYST");
        ApiClient password = ApiClient.as(port, owner, PASSWORD);

        HttpResponse<String> created = password.post(
                "/api/v1/tokens", "{\"name\": \"nightly export\", \"scope\": \"read-write\", \"expiresInDays\": 30}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        String secret = body.path("token").asText();
        String id = body.path("id").asText();
        assertThat(secret).startsWith("opt_" + id + "_").hasSizeGreaterThan(50);
        assertThat(body.path("scope").asText()).isEqualTo("read-write");
        assertThat(Instant.parse(body.path("expiresAt").asText()))
                .isBetween(Instant.now().plusSeconds(29 * 86400), Instant.now().plusSeconds(31 * 86400));
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/tokens/" + id);

        ApiClient token = bearer(secret);
        assertThat(token.get("/api/v1/articles").statusCode()).isEqualTo(200);
        HttpResponse<String> subscribed = token.post("/api/v1/subscriptions", SUBSCRIPTION);
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        assertThat(ApiClient.json(password.get("/api/v1/subscriptions")).toString())
                .as("the token acted as its owner")
                .contains(ApiClient.json(subscribed).path("id").asText());

        HttpResponse<String> listed = password.get("/api/v1/tokens");
        assertThat(listed.body()).contains(id).contains("nightly export").doesNotContain(secret);
        JsonNode mine = ApiClient.json(listed).get(0);
        assertThat(mine.has("token")).isFalse();
        assertThat(mine.path("status").asText()).isEqualTo("active");
        assertThat(mine.path("lastUsedAt").isNull()).as("last use recorded").isFalse();

        Map<String, Object> row = jdbc.queryForMap("select * from api_tokens where id = ?", id);
        assertThat(row.get("SECRET_HASH")).isEqualTo(TokenService.hash(secret));
        assertThat(row.values().stream().map(String::valueOf).toList())
                .as("only the hash is stored")
                .noneMatch(value -> value.contains(secret.substring(16)));
    }

    @Test
    void aReadTokenReadsButCannotCreateASubscription() throws Exception {
        String owner = user("ANALYST");
        ApiClient token = bearer(create(owner, "{\"name\": \"dashboard\", \"scope\": \"read\"}"));

        assertThat(token.get("/api/v1/subscriptions").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = token.post("/api/v1/subscriptions", SUBSCRIPTION);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ApiClient.json(refused).path("detail").asText()).contains("scope 'read'");
        assertThat(token.delete("/api/v1/tokens/x").statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenHasItsOwnersRoleAsItIsNow() throws Exception {
        String owner = user("ANALYST");
        ApiClient token = bearer(create(owner, "{\"name\": \"sources\", \"scope\": \"read-write\"}"));
        String source =
                "{\"name\": \"Token %s\", \"type\": \"rss\", \"url\": \"https://a.example/feed-%s\", \"enabled\": false}";
        String one = UUID.randomUUID().toString();
        assertThat(token.post("/api/v1/sources", source.formatted(one, one)).statusCode())
                .isEqualTo(201);

        assertThat(admin.put("/api/v1/admin/users/" + owner, "{\"role\": \"VIEWER\"}")
                        .statusCode())
                .isEqualTo(200);

        String two = UUID.randomUUID().toString();
        assertThat(token.post("/api/v1/sources", source.formatted(two, two)).statusCode())
                .as("a viewer's token cannot change sources")
                .isEqualTo(403);
        assertThat(token.get("/api/v1/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void aRevokedTokenIsRefusedSayingSo() throws Exception {
        String owner = user("VIEWER");
        String secret = create(owner, "{\"name\": \"leaked\"}");
        String id = TokenService.idOf(secret);
        ApiClient token = bearer(secret);
        assertThat(token.get("/api/v1/articles").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = ApiClient.as(port, owner, PASSWORD).delete("/api/v1/tokens/" + id);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(ApiClient.json(revoked).path("status").asText()).isEqualTo("revoked");

        HttpResponse<String> refused = token.get("/api/v1/articles");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(ApiClient.json(refused).path("detail").asText()).contains("opt_" + id, "revoked");
        assertThat(ApiClient.as(port, owner, PASSWORD).get("/api/v1/tokens").body())
                .doesNotContain(id);
    }

    @Test
    void anExpiredTokenIsRefusedSayingSo() throws Exception {
        String owner = user("VIEWER");
        String secret = create(owner, "{\"name\": \"short-lived\", \"expiresInDays\": 1}");
        jdbc.update(
                "update api_tokens set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)),
                TokenService.idOf(secret));

        HttpResponse<String> refused = bearer(secret).get("/api/v1/articles");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(refused).path("detail").asText()).contains("expired");
        assertThat(ApiClient.json(ApiClient.as(port, owner, PASSWORD).get("/api/v1/tokens"))
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("expired");
    }

    @Test
    void anUnknownOrAlteredTokenIsRefused() throws Exception {
        String secret = create(user("VIEWER"), "{\"name\": \"real\"}");
        String altered = secret.substring(0, secret.length() - 2) + (secret.endsWith("AA") ? "BB" : "AA");

        assertThat(bearer(altered).get("/api/v1/articles").statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(bearer(altered).get("/api/v1/articles"))
                        .path("detail")
                        .asText())
                .contains("Unknown API token");
        assertThat(bearer("not-a-token").get("/api/v1/articles").statusCode()).isEqualTo(401);
    }

    @Test
    void aDisabledOwnersTokenStopsAtOnceAndWorksAgainWhenEnabled() throws Exception {
        String owner = user("VIEWER");
        ApiClient token = bearer(create(owner, "{\"name\": \"cron job\"}"));
        assertThat(token.get("/api/v1/articles").statusCode()).isEqualTo(200);

        admin.put("/api/v1/admin/users/" + owner, "{\"enabled\": false}");
        HttpResponse<String> refused = token.get("/api/v1/articles");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(refused).path("detail").asText()).contains("disabled");

        admin.put("/api/v1/admin/users/" + owner, "{\"enabled\": true}");
        assertThat(token.get("/api/v1/articles").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherUserCannotSeeNorRevokeMyTokenButAnAdminCan() throws Exception {
        String me = user("ANALYST");
        String secret = create(me, "{\"name\": \"mine\"}");
        String id = TokenService.idOf(secret);
        ApiClient other = ApiClient.as(port, user("ANALYST"), PASSWORD);

        assertThat(other.get("/api/v1/tokens").body()).doesNotContain(id);
        assertThat(other.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/admin/tokens").statusCode()).isEqualTo(403);
        assertThat(bearer(secret).get("/api/v1/articles").statusCode()).isEqualTo(200);

        HttpResponse<String> all = admin.get("/api/v1/admin/tokens");
        assertThat(all.body()).contains(id).contains(me).doesNotContain(secret);
        assertThat(admin.delete("/api/v1/tokens/" + id).statusCode()).isEqualTo(200);
        assertThat(bearer(secret).get("/api/v1/articles").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select revoked_by from api_tokens where id = ?", String.class, id))
                .isEqualTo("admin");
    }

    @Test
    void aTokenCannotMakeTokens() throws Exception {
        ApiClient token = bearer(create(user("ANALYST"), "{\"name\": \"rw\", \"scope\": \"read-write\"}"));

        HttpResponse<String> refused = token.post("/api/v1/tokens", "{\"name\": \"child\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(refused).path("detail").asText()).contains("cannot create tokens");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        ApiClient owner = ApiClient.as(port, user("VIEWER"), PASSWORD);
        assertRefused(owner.post("/api/v1/tokens", "{\"scope\": \"read\"}"), "name", "name is required");
        assertRefused(owner.post("/api/v1/tokens", "{\"name\": \"" + "x".repeat(101) + "\"}"), "name", "at most 100");
        assertRefused(
                owner.post("/api/v1/tokens", "{\"name\": \"a\\nforged log line\"}"), "name", "control characters");
        assertRefused(owner.post("/api/v1/tokens", "{\"name\": \"a\", \"scope\": \"admin\"}"), "scope", "read-write");
        assertRefused(
                owner.post("/api/v1/tokens", "{\"name\": \"a\", \"expiresInDays\": 366}"), "expiresInDays", "1 to 365");
        assertRefused(
                owner.post("/api/v1/tokens", "{\"name\": \"a\", \"expiresAt\": \"never\"}"),
                "expiresAt",
                "allow-no-expiry");
        assertRefused(
                owner.post("/api/v1/tokens", "{\"name\": \"a\", \"expiresAt\": \"2020-01-01\"}"),
                "expiresAt",
                "in the future");
        assertRefused(
                owner.post("/api/v1/tokens", "{\"name\": \"a\", \"expiresAt\": \"soon\"}"), "expiresAt", "ISO-8601");
        assertThat(ApiClient.json(owner.get("/api/v1/tokens")).size())
                .as("nothing created")
                .isZero();
    }

    @Test
    void aUserHoldsAtMostTheSettingsNumberOfLiveTokens() throws Exception {
        String owner = user("VIEWER");
        ApiClient password = ApiClient.as(port, owner, PASSWORD);
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            made.add(create(owner, "{\"name\": \"t" + i + "\"}"));
        }

        HttpResponse<String> refused = password.post("/api/v1/tokens", "{\"name\": \"one too many\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).path("detail").asText()).contains("10 live tokens", "max-per-user");

        password.delete("/api/v1/tokens/" + TokenService.idOf(made.getFirst()));
        assertThat(password.post("/api/v1/tokens", "{\"name\": \"in its place\"}")
                        .statusCode())
                .as("a revoked token no longer counts")
                .isEqualTo(201);
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() throws Exception {
        String secret = create(user("VIEWER"), "{\"name\": \"busy script\"}");
        String id = TokenService.idOf(secret);
        assertThat(lastUsed(id)).as("not used yet").isNull();

        bearer(secret).get("/api/v1/articles");
        Timestamp first = lastUsed(id);
        assertThat(first).isNotNull();
        for (int i = 0; i < 5; i++) {
            assertThat(bearer(secret).get("/api/v1/articles").statusCode()).isEqualTo(200);
        }

        assertThat(lastUsed(id))
                .as("later uses within the minute are not written")
                .isEqualTo(first);
    }

    @Test
    void tokensAreForTheApiOnlyNotTheDashboardNorActuator() throws Exception {
        String secret = create("admin", "{\"name\": \"api only\", \"scope\": \"read-write\"}");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/users"))
                        .header("Authorization", "Bearer " + secret)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("sent to the login page").isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/metrics"))
                        .header("Authorization", "Bearer " + secret)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // refused like any caller without credentials there (401, or the login page by the error dispatch)
        assertThat(metrics.statusCode()).isIn(401, 302);
        assertThat(metrics.body()).doesNotContain("\"names\"");
        assertThat(bearer(secret).get("/api/v1/admin/users").statusCode()).isEqualTo(200);
        admin.delete("/api/v1/tokens/" + TokenService.idOf(secret));
    }

    /** Why a token and not a password for scripts: no bcrypt per request. Prints the medians for docs. */
    @Test
    void aTokenRequestCostsLessThanAPasswordRequest() throws Exception {
        String owner = user("VIEWER");
        ApiClient token = bearer(create(owner, "{\"name\": \"timed\"}"));
        ApiClient password = ApiClient.as(port, owner, PASSWORD);
        String path = "/api/v1/tokens";
        long tokenMedian = median(token, path);
        long passwordMedian = median(password, path);
        System.out.printf(
                "GET %s median: Bearer token %.1f ms, Basic password %.1f ms%n",
                path, tokenMedian / 1e6, passwordMedian / 1e6);
        assertThat(tokenMedian).isLessThan(passwordMedian);
    }

    private static long median(ApiClient client, String path) throws Exception {
        long[] times = new long[31];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            assertThat(client.get(path).statusCode()).isEqualTo(200);
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

    private Timestamp lastUsed(String id) {
        return jdbc.queryForObject("select last_used_at from api_tokens where id = ?", Timestamp.class, id);
    }

    private String create(String owner, String json) throws Exception {
        ApiClient client = owner.equals("admin") ? admin : ApiClient.as(port, owner, PASSWORD);
        HttpResponse<String> created = client.post("/api/v1/tokens", json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("token").asText();
    }

    private ApiClient bearer(String secret) {
        return new ApiClient(port, "Bearer " + secret);
    }

    private String user(String role) throws Exception {
        String name = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/v1/admin/users", """
                {"username": "%s", "password": "%s", "role": "%s"}""".formatted(name, PASSWORD, role));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }

    private static void assertRefused(HttpResponse<String> response, String field, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("field").asText()).isEqualTo(field);
        assertThat(body.path("detail").asText()).contains(message);
    }
}
