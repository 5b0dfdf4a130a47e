package org.outpost.dashboard.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The callback in the running app: open to hubs without a sign-in or a CSRF token, answering
 * only for subscriptions it knows, and nothing else under {@code /websub/} opened. (WebSub is
 * off in the shared test app; the crawler's {@code WebSubTest} runs the whole exchange with a hub.)
 */
class WebSubCallbackApiTest extends OutpostAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = "https://news.example/feed.xml";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forget() {
        jdbc.sql("delete from websub_subscription where callback_id like 'apitest-%'")
                .update();
    }

    @Test
    void aVerificationOfAnUnknownCallbackOrTopicIs404WithoutAskingForASignIn() throws Exception {
        subscription("apitest-a", "UNSUBSCRIBING", "secret-a");

        assertThat(get("/websub/apitest-unknown?hub.mode=subscribe&hub.topic=" + TOPIC + "&hub.challenge=c")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/websub/apitest-a?hub.mode=unsubscribe&hub.topic=https://other.example/&hub.challenge=c")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theHubsCheckOfAnUnsubscriptionWeAskedForGetsItsChallengeBack() throws Exception {
        subscription("apitest-b", "UNSUBSCRIBING", "secret-b");

        HttpResponse<String> answer =
                get("/websub/apitest-b?hub.mode=unsubscribe&hub.topic=" + TOPIC + "&hub.challenge=challenge-123");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("challenge-123");
        assertThat(count("apitest-b")).isZero();
    }

    @Test
    void aPushIsTakenWithoutCsrfOrSignInAndOnlyASignedOneCounts() throws Exception {
        subscription("apitest-c", "ACTIVE", "secret-c");
        byte[] body = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

        int signed = post("/websub/apitest-c", body, sign(body, "secret-c"));
        int forged = post("/websub/apitest-c", body, sign(body, "guess"));
        int unknown = post("/websub/apitest-unknown", body, null);

        assertThat(signed).isEqualTo(202);
        assertThat(forged).isEqualTo(202); // acknowledged, as WebSub asks, but ignored
        assertThat(unknown).isEqualTo(410);
        assertThat(jdbc.sql("select deliveries from websub_subscription where callback_id = 'apitest-c'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select rejected from websub_subscription where callback_id = 'apitest-c'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void nothingElseUnderWebSubIsOpen() throws Exception {
        HttpResponse<String> deeper = get("/websub/a/b");
        HttpResponse<String> put = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/websub/a"))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deeper.statusCode()).isEqualTo(403);
        assertThat(put.statusCode()).isEqualTo(403);
    }

    /** What a hub sends: X-Hub-Signature sha256=HMAC(secret, body). */
    private static String sign(byte[] body, String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    private void subscription(String callbackId, String state, String secret) {
        jdbc.sql("insert into websub_subscription (source_id, topic, hub, callback_id, callback_url, secret, state,"
                        + " requested_at) values (-1, ?, 'https://hub.example/', ?, ?, ?, ?, ?)")
                .params(
                        TOPIC,
                        callbackId,
                        "http://localhost:" + port + "/websub/" + callbackId,
                        secret,
                        state,
                        Timestamp.from(Instant.now()))
                .update();
    }

    private int count(String callbackId) {
        return jdbc.sql("select count(*) from websub_subscription where callback_id = ?")
                .param(callbackId)
                .query(Integer.class)
                .single();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int post(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/rss+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
