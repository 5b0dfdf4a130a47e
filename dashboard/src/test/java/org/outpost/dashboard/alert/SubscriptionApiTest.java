package org.outpost.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

@Tag(TestDatabases.TAG)
class SubscriptionApiTest extends OutpostAppTest {

    private static final String PASSWORD = "secret-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    IngestPipeline pipeline;

    String alice;
    String bob;
    ApiClient a;
    ApiClient b;

    @BeforeEach
    void twoUsers() {
        long unique = System.nanoTime();
        alice = "alice-" + unique;
        bob = "bob-" + unique;
        createUser(alice, "VIEWER"); // alerts are personal: viewers keep their own
        createUser(bob, "ANALYST");
        a = ApiClient.as(port, alice, PASSWORD);
        b = ApiClient.as(port, bob, PASSWORD);
    }

    @Test
    void aSubscriptionIsCreatedListedReadUpdatedAndDeletedWithoutEverShowingItsSecret() throws Exception {
        HttpResponse<String> created = a.post("/api/v1/subscriptions", """
                {"name": "Panj heroin", "query": "border AND (heroin OR opium)", "topics": {"drug_trafficking": 0.5},
                 "sources": ["Asia-Plus"], "languages": ["en"], "frequency": "instant",
                 "channels": [{"type": "inapp"}, {"type": "email", "address": "desk@example.org"},
                              {"type": "webhook", "url": "https://hooks.example.org/outpost", "secret": "hush-123", "slack": true}],
                 "spikeAlerts": true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        long id = body.path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/subscriptions/" + id);
        assertThat(body.path("topics").path("drug_trafficking").asDouble()).isEqualTo(0.5);
        assertThat(body.path("channels")).hasSize(3);
        assertThat(body.path("channels").get(2).path("secret").asText()).isEqualTo("set");
        assertThat(created.body()).doesNotContain("hush-123");
        // a Slack URL is a secret too: shown masked, the email address as awaiting its confirmation
        assertThat(body.path("channels").get(2).path("url").asText()).isEqualTo("https://hooks.example.org/…/post");
        assertThat(created.body()).doesNotContain("/outpost");
        assertThat(body.path("channels").get(1).path("confirmation").asText()).isEqualTo("waiting");
        assertThat(body.path("active").asBoolean()).isTrue();
        assertThat(body.path("spikeAlerts").asBoolean()).isTrue();

        JsonNode list = ApiClient.json(a.get("/api/v1/subscriptions"));
        assertThat(names(list)).containsExactly("Panj heroin");
        HttpResponse<String> read = a.get("/api/v1/subscriptions/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("hush-123");

        // PUT back as read (masked URL, no secret): the stored ones stay; daily at 08:00 in Dushanbe
        HttpResponse<String> updated = a.put("/api/v1/subscriptions/" + id, """
                {"name": "Panj heroin, daily", "query": "border AND heroin", "frequency": "daily", "time": "08:00",
                 "timezone": "Asia/Dushanbe",
                 "channels": [{"type": "webhook", "url": "https://hooks.example.org/…/post", "secret": "set", "slack": true}],
                 "paused": true}""");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode after = ApiClient.json(updated);
        assertThat(after.path("name").asText()).isEqualTo("Panj heroin, daily");
        assertThat(after.path("frequency").asText()).isEqualTo("daily");
        assertThat(after.path("timezone").asText()).isEqualTo("Asia/Dushanbe");
        assertThat(after.path("nextDigestAt").asText()).endsWith("T03:00:00Z"); // 08:00 in Dushanbe (UTC+5)
        assertThat(after.path("paused").asBoolean()).isTrue();
        assertThat(after.path("active").asBoolean()).isFalse();
        assertThat(after.path("topics").size()).isZero();
        Channel.Webhook webhook = (Channel.Webhook)
                subscriptions.get(id, alice).orElseThrow().channels().getFirst();
        assertThat(webhook.secret()).isEqualTo("hush-123");
        assertThat(webhook.url()).isEqualTo("https://hooks.example.org/outpost");

        assertThat(a.delete("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(204);
        assertThat(a.get("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(a.delete("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(a.get("/api/v1/subscriptions"))).isEmpty();
    }

    @Test
    void theSpikeSensitivityAndSpikesByEntityAreSetAndReadAndAnUnknownPresetIsRefused() throws Exception {
        HttpResponse<String> created = a.post("/api/v1/subscriptions", """
                {"name": "Vorukh and CSTO surges", "query": "", "entities": ["place:Vorukh", "org:CSTO"],
                 "channels": [{"type": "inapp"}], "spikeAlerts": true, "spikeSensitivity": "fewer", "spikeByEntity": true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        assertThat(body.path("spikeSensitivity").asText()).isEqualTo("fewer");
        assertThat(body.path("spikeByEntity").asBoolean()).isTrue();

        HttpResponse<String> plain = a.post("/api/v1/subscriptions", """
                {"name": "Heroin volume", "query": "heroin", "channels": [{"type": "inapp"}], "spikeAlerts": true}""");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
        assertThat(ApiClient.json(plain).path("spikeSensitivity").asText())
                .as("the default preset")
                .isEqualTo("balanced");
        assertThat(ApiClient.json(plain).path("spikeByEntity").asBoolean()).isFalse();

        HttpResponse<String> loud = a.post("/api/v1/subscriptions", """
                {"name": "Loud", "query": "heroin", "channels": [{"type": "inapp"}], "spikeAlerts": true,
                 "spikeSensitivity": "loud"}""");
        assertThat(loud.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(loud).path("field").asText()).isEqualTo("spikeSensitivity");
        assertThat(ApiClient.json(loud).path("message").asText()).contains("fewer, balanced or more");

        HttpResponse<String> noEntity = a.post("/api/v1/subscriptions", """
                {"name": "No entity", "query": "heroin", "channels": [{"type": "inapp"}], "spikeAlerts": true,
                 "spikeByEntity": true}""");
        assertThat(noEntity.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noEntity).path("field").asText()).isEqualTo("spikeByEntity");
    }

    @Test
    void aBadQueryIsRefusedWithItsFieldAndColumn() throws Exception {
        HttpResponse<String> response = a.post("/api/v1/subscriptions", """
                {"name": "Broken", "query": "border AND (", "channels": [{"type": "inapp"}]}""");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.path("field").asText()).isEqualTo("query");
        assertThat(problem.path("position").isInt()).as(response.body()).isTrue();
        assertThat(problem.path("position").asInt()).isPositive();
        assertThat(problem.path("message").asText()).startsWith("Invalid query at column");

        HttpResponse<String> preview = a.post("/api/v1/subscriptions/preview", "{\"query\": \"border AND (\"}");
        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(preview).path("field").asText()).isEqualTo("query");
        assertThat(ApiClient.json(a.get("/api/v1/subscriptions"))).isEmpty();
    }

    @Test
    void badChannelsAreRefusedNamingTheChannel() throws Exception {
        HttpResponse<String> address = a.post("/api/v1/subscriptions", """
                {"name": "X", "query": "heroin", "channels": [{"type": "inapp"}, {"type": "email", "address": "not-an-address"}]}""");
        assertThat(address.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(address).path("field").asText()).isEqualTo("channels[1].address");
        HttpResponse<String> type = a.post("/api/v1/subscriptions", """
                {"name": "X", "query": "heroin", "channels": [{"type": "pigeon"}]}""");
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(type).path("field").asText()).isEqualTo("channels[0].type");
        // (loopback webhooks are allowed in the test app for its receivers; SubscriptionDefinitionTest covers the
        // refusal)
        HttpResponse<String> local = a.post("/api/v1/subscriptions", """
                {"name": "X", "query": "heroin", "channels": [{"type": "webhook", "url": "ftp://hooks.example/in"}]}""");
        assertThat(local.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(local).path("field").asText()).isEqualTo("channels[0].url");
        HttpResponse<String> huge = a.post(
                "/api/v1/subscriptions",
                "{\"name\": \"X\", \"query\": \"heroin\", \"channels\": [{\"type\": \"inapp\"},"
                        + " {\"type\": \"webhook\", \"url\": \"https://hooks.example.org/" + "a".repeat(5000)
                        + "\"}]}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(huge).path("field").asText()).isEqualTo("channels[1].url");
        assertThat(ApiClient.json(huge).path("detail").asText()).contains("2048");
        HttpResponse<String> none = a.post("/api/v1/subscriptions", "{\"name\": \"X\", \"query\": \"heroin\"}");
        assertThat(ApiClient.json(none).path("field").asText()).isEqualTo("channels");
        assertThat(a.post("/api/v1/subscriptions", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void theNewNamesOptionIsWrittenReadBackTurnedOffAndRefusedNamingItsField() throws Exception {
        HttpResponse<String> created = a.post("/api/v1/subscriptions", """
                {"name": "New names", "query": "Tajikistan", "channels": [{"type": "inapp"}],
                 "firstSeenTypes": ["person", "org"], "firstSeenDays": 60}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        assertThat(body.path("firstSeenTypes").toString()).isEqualTo("[\"org\",\"person\"]");
        assertThat(body.path("firstSeenDays").asInt()).isEqualTo(60);
        assertThat(body.path("firstSeenSources").asInt()).as("the default").isEqualTo(2);
        long id = body.path("id").asLong();

        HttpResponse<String> off = a.put("/api/v1/subscriptions/" + id, """
                {"name": "New names", "query": "Tajikistan", "channels": [{"type": "inapp"}]}""");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(ApiClient.json(off).path("firstSeenTypes").size()).isZero();
        assertThat(ApiClient.json(off).path("firstSeenDays").isMissingNode()
                        || ApiClient.json(off).path("firstSeenDays").isNull())
                .isTrue();

        HttpResponse<String> country = a.post("/api/v1/subscriptions", """
                {"name": "Countries", "query": "Tajikistan", "channels": [{"type": "inapp"}],
                 "firstSeenTypes": ["country"]}""");
        assertThat(country.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(country).path("field").asText()).isEqualTo("firstSeenTypes");
        HttpResponse<String> sources = a.post("/api/v1/subscriptions", """
                {"name": "Sources", "query": "Tajikistan", "channels": [{"type": "inapp"}],
                 "firstSeenTypes": ["group"], "firstSeenSources": 0}""");
        assertThat(ApiClient.json(sources).path("field").asText()).isEqualTo("firstSeenSources");
    }

    @Test
    void anotherUsersSubscriptionIsNotFoundForReadingChangingOrDeletingAndNotListed() throws Exception {
        long id =
                ApiClient.json(a.post("/api/v1/subscriptions", """
                {"name": "Alice's", "query": "CSTO", "channels": [{"type": "inapp"}]}""")).path("id").asLong();

        assertThat(b.get("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(b.put("/api/v1/subscriptions/" + id, """
                {"name": "Bob's now", "query": "CSTO", "channels": [{"type": "inapp"}]}""").statusCode()).isEqualTo(404);
        assertThat(b.delete("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(names(ApiClient.json(b.get("/api/v1/subscriptions")))).doesNotContain("Alice's", "Bob's now");

        JsonNode still = ApiClient.json(a.get("/api/v1/subscriptions/" + id));
        assertThat(still.path("name").asText()).isEqualTo("Alice's");
        assertThat(ApiClient.anonymous(port).get("/api/v1/subscriptions").statusCode())
                .isEqualTo(401);
    }

    @Test
    void thePreviewCountsTheLastWeekAndMonthAndListsTheLatest() throws Exception {
        HttpResponse<String> response = a.post("/api/v1/subscriptions/preview", """
                {"query": "border", "topics": {"border_security": 0}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = ApiClient.json(response);
        assertThat(preview.path("lastWeek").asLong())
                .isLessThanOrEqualTo(preview.path("lastMonth").asLong());
        assertThat(preview.path("latest").size()).isLessThanOrEqualTo(5);
        if (preview.path("lastMonth").asLong() > 0) {
            assertThat(preview.path("latest").get(0).path("id").asText()).isNotBlank();
        }
    }

    @Test
    void notificationsAreTheCallersOwn() throws Exception {
        String token = "zarafshonite" + System.nanoTime();
        long id = ApiClient.json(a.post("/api/v1/subscriptions", """
                {"name": "Token watch", "query": "%s", "channels": [{"type": "inapp"}]}""".formatted(token)))
                .path("id")
                .asLong();
        long bobs = ApiClient.json(b.post("/api/v1/subscriptions", """
                {"name": "Bob's watch", "query": "%s", "channels": [{"type": "inapp"}]}""".formatted("nomatch" + token)))
                .path("id")
                .asLong();
        index(
                "Rare mineral " + token + " smuggled through the Zarafshon valley",
                "Customs officers in the Zarafshon valley stopped a truck carrying " + token
                        + " ore bound for a border crossing, the regional customs service said on Tuesday. ");

        JsonNode mine = awaitNotifications(a, "/api/v1/notifications?subscription=" + id);
        JsonNode delivery = mine.get(0);
        assertThat(delivery.path("subscription").path("name").asText()).isEqualTo("Token watch");
        assertThat(delivery.path("channel").asText()).isEqualTo("inapp");
        assertThat(delivery.path("status").asText()).isEqualTo("sent");
        assertThat(delivery.path("articles").get(0).path("title").asText()).contains(token);
        long deliveryId = delivery.path("id").asLong();
        assertThat(ApiClient.json(a.get("/api/v1/notifications/unread"))
                        .path("unread")
                        .asLong())
                .isEqualTo(1);

        assertThat(ApiClient.json(b.get("/api/v1/notifications"))).isEmpty();
        assertThat(ApiClient.json(b.get("/api/v1/notifications?subscription=" + id)))
                .isEmpty();
        assertThat(b.post("/api/v1/notifications/" + deliveryId + "/read", "").statusCode())
                .isEqualTo(404);
        assertThat(b.post("/api/v1/notifications/" + deliveryId + "/retry", "").statusCode())
                .isEqualTo(404);
        assertThat(ApiClient.json(a.get("/api/v1/notifications?subscription=" + bobs)))
                .isEmpty();
        assertThat(ApiClient.json(a.get("/api/v1/notifications?status=failed"))).isEmpty();
        assertThat(a.get("/api/v1/notifications?status=lost").statusCode()).isEqualTo(400);

        assertThat(a.post("/api/v1/notifications/" + deliveryId + "/retry", "").statusCode())
                .isEqualTo(409);
        assertThat(a.post("/api/v1/notifications/" + deliveryId + "/read", "").statusCode())
                .isEqualTo(204);
        assertThat(ApiClient.json(a.get("/api/v1/notifications/unread"))
                        .path("unread")
                        .asLong())
                .isZero();
        assertThat(ApiClient.json(a.get("/api/v1/subscriptions/" + id))
                        .path("lastDelivery")
                        .path("status")
                        .asText())
                .isEqualTo("sent");

        assertThat(a.get("/api/v1/admin/notifications/failed").statusCode()).isEqualTo(403);
        HttpResponse<String> failed = ApiClient.admin(port).get("/api/v1/admin/notifications/failed");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(failed).path("count").isNumber()).isTrue();
    }

    private void index(String title, String body) {
        Article article = Article.builder("Alerts test agency", title, body.repeat(4))
                .url("https://alerts.example/news/" + Instant.now().toEpochMilli())
                .fetchedAt(Instant.now())
                .publishedAt(Instant.now())
                .build();
        try (IngestBatch batch = pipeline.batch()) {
            batch.add(article, settled -> {});
        }
    }

    private static JsonNode awaitNotifications(ApiClient client, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode list = ApiClient.json(client.get(path));
            if (!list.isEmpty() || System.nanoTime() > deadline) {
                assertThat(list).as("notifications at %s", path).isNotEmpty();
                return list;
            }
            Thread.sleep(200);
        }
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    private void createUser(String name, String role) {
        users.createUser(User.withUsername(name)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + role)))
                .build());
    }
}
