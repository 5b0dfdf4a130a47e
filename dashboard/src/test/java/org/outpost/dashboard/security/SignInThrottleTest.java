package org.outpost.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@Tag(TestDatabases.TAG)
class SignInThrottleTest extends OutpostAppTest {

    private static final String PASSWORD = "throttled-password-1";

    @LocalServerPort
    int port;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignInProperties properties;

    @Test
    void afterFiveWrongPasswordsTheAccountIsAnswered429EvenWithTheRightOneUntilAnAdminUnlocksIt() throws Exception {
        String name = create();
        ApiClient wrong = ApiClient.as(port, name, "not-the-password");
        long checking = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/articles").statusCode())
                    .as("attempt " + (i + 1))
                    .isEqualTo(401);
        }
        long checkedMs = (System.nanoTime() - checking) / 5_000_000;
        long started = System.nanoTime();
        HttpResponse<String> refused = wrong.get("/api/v1/articles");
        long refusedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(refused.body()).contains("Too many failed sign-ins");

        HttpResponse<String> right = ApiClient.as(port, name, PASSWORD).get("/api/v1/articles");
        assertThat(right.statusCode())
                .as("the right password is refused while locked")
                .isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        // probes send no credentials and are never throttled; credentials sent there are, like anywhere
        assertThat(ApiClient.anonymous(port).get("/actuator/health").statusCode())
                .isEqualTo(200);
        assertThat(ApiClient.as(port, name, PASSWORD).get("/actuator/health").statusCode())
                .isEqualTo(429);
        assertThat(ApiClient.json(ApiClient.admin(port).get("/api/v1/admin/users"))
                        .findValuesAsText("username"))
                .contains(name);

        HttpResponse<String> unlocked = ApiClient.admin(port).post("/api/v1/admin/users/" + name + "/unlock", "");
        assertThat(unlocked.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(unlocked).path("wasLocked").asBoolean()).isTrue();
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/articles").statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where event_type = 'ACCOUNT_UNLOCKED' and target = ?",
                        Long.class,
                        name))
                .isEqualTo(1);
        System.out.printf(
                "sign-in throttle: a wrong password took %d ms on average (bcrypt), the refused attempt %d ms%n",
                checkedMs, refusedMs);
    }

    @Test
    void theLoginFormOfALockedAccountSaysSoWithoutCheckingThePassword() throws Exception {
        String name = create();
        for (int i = 0; i < 5; i++) {
            ApiClient.as(port, name, "wrong-" + i).get("/api/v1/articles");
        }
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> post = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?locked="));
    }

    @Test
    void theAddressLimitOfFailuresLocksThatAddressForEveryAccountButNotOtherAddresses() {
        // tests all come from 127.0.0.1 (whose limit the test app raises), so the address is counted directly
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < properties.addressFailures() - 1; i++) {
            throttle.failed("guess-" + i + "-" + UUID.randomUUID(), address);
        }
        assertThat(throttle.locked("someone-else", address)).isEmpty();
        throttle.failed("guess-last", address);
        assertThat(throttle.locked("someone-else", address)).isPresent();
        assertThat(throttle.locked("someone-else", "203.0.113.9")).isEmpty();
        jdbc.update("delete from sign_in_throttle where subject = ?", "addr:" + address);
    }

    private String create() throws Exception {
        String name = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ApiClient.admin(port)
                        .post("/api/v1/admin/users", """
                                {"username": "%s", "password": "%s", "role": "analyst"}""".formatted(name, PASSWORD))
                        .statusCode())
                .isEqualTo(201);
        return name;
    }
}
