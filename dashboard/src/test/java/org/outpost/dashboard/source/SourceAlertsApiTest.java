package org.outpost.dashboard.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.SourceService;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/** Source alerts and OPML through the API of the running app. */
@Tag(TestDatabases.TAG)
class SourceAlertsApiTest extends OutpostAppTest {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SourceService sources;

    @Test
    void aSilentSourceIsMarkedAndToldOnceToAnalystsAndAdminsButNotToViewersOrThoseWhoSwitchedItOff() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiClient analyst = user("analyst-" + suffix, "ANALYST");
        ApiClient viewer = user("viewer-" + suffix, "VIEWER");
        ApiClient quiet = user("quiet-" + suffix, "ANALYST");
        ApiClient admin = ApiClient.admin(port);
        assertThat(ApiClient.json(analyst.get("/api/v1/me/source-alerts"))
                        .path("following")
                        .asBoolean())
                .isTrue();
        assertThat(ApiClient.json(viewer.get("/api/v1/me/source-alerts"))
                        .path("following")
                        .asBoolean())
                .isFalse();
        assertThat(ApiClient.json(quiet.put("/api/v1/me/source-alerts", "{\"follow\": false}"))
                        .path("following")
                        .asBoolean())
                .isFalse();

        try (QuietSite site = new QuietSite("Quiet agency", Duration.ofDays(4))) {
            String name = "Quiet agency " + suffix;
            long id = crawled(admin, name, site.url("/feed.xml"));

            // the check the app runs every 15 minutes, run now
            assertThat(sources.checkHealth(Instant.now()))
                    .anySatisfy(change -> assertThat(change.sourceId()).isEqualTo(id));
            assertThat(sources.checkHealth(Instant.now()))
                    .noneSatisfy(c -> assertThat(c.sourceId()).isEqualTo(id));

            JsonNode marked = ApiClient.json(admin.get("/api/v1/sources/" + id));
            assertThat(marked.path("alarms")).singleElement().satisfies(a -> {
                assertThat(a.path("problem").asText()).isEqualTo("silent");
                assertThat(Instant.parse(a.path("since").asText())).isEqualTo(site.lastArticle);
                assertThat(a.path("usualGapSeconds").asLong())
                        .isEqualTo(Duration.ofHours(6).toSeconds());
            });

            JsonNode told = awaitNotice(analyst, id);
            assertThat(told.path("title").asText()).isEqualTo("Source \u201c" + name + "\u201d is silent");
            assertThat(told.path("text").asText()).contains("it usually publishes every 6 hours");
            awaitNotice(admin, id);
            assertThat(notices(viewer, id)).isEmpty();
            assertThat(notices(quiet, id)).isEmpty();
            assertThat(notices(analyst, id)).as("told once").hasSize(1);

            assertThat(ApiClient.json(analyst.post("/api/v1/me/source-alerts/read", ""))
                            .path("unread")
                            .asLong())
                    .isZero();
        }
    }

    @Test
    void opmlIsPreviewedThenImportedAndTheExportListsEverySourceWithTypeAndAddress() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Feeds</title></head><body>
                  <outline text="Region">
                    <outline type="rss" text="Opml agency %1$s" xmlUrl="https://opml-%1$s.example/rss"/>
                    <outline type="rss" text="Sample again" xmlUrl="ftp://nowhere.example/feed"/>
                  </outline>
                </body></opml>
                """.formatted(suffix);

        JsonNode preview = ApiClient.json(admin.post("/api/v1/sources/opml/preview", opml));
        assertThat(preview.path("entries"))
                .extracting(e -> e.path("status").asText())
                .containsExactly("new", "invalid");
        assertThat(preview.path("entries").get(1).path("reason").asText()).contains("http");
        assertThat(ApiClient.json(admin.get("/api/v1/sources")))
                .noneSatisfy(s -> assertThat(s.path("name").asText()).isEqualTo("Opml agency " + suffix));

        JsonNode imported = ApiClient.json(admin.post("/api/v1/sources/opml", opml));
        assertThat(imported.path("added").asLong()).isEqualTo(1);
        assertThat(ApiClient.json(admin.post("/api/v1/sources/opml/preview", opml))
                        .path("present")
                        .asLong())
                .isEqualTo(1);

        HttpResponse<String> export = admin.get("/api/v1/sources/opml");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/x-opml"));
        assertThat(export.body())
                .contains("text=\"Opml agency " + suffix + "\"")
                .contains("type=\"rss\" xmlUrl=\"https://opml-" + suffix + ".example/rss\"")
                .contains("text=\"Sample corpus\"", "type=\"folder\"");
        for (JsonNode source : ApiClient.json(admin.get("/api/v1/sources"))) {
            assertThat(export.body()).contains("type=\"" + source.path("type").asText() + "\"");
            assertThat(export.body()).contains(source.path("url").asText().replace("&", "&amp;"));
        }
        assertThat(admin.post("/api/v1/sources/opml/preview", "<html/>").statusCode())
                .isEqualTo(400);
    }

    private long crawled(ApiClient admin, String name, String feed) throws Exception {
        HttpResponse<String> created = admin.post(
                "/api/v1/sources",
                "{\"name\": \"" + name + "\", \"type\": \"rss\", \"url\": \"" + feed
                        + "\", \"schedule\": \"PT12H\", \"allowPrivate\": true}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonNode runs = ApiClient.json(admin.get("/api/v1/sources/" + id + "/runs"));
            boolean finished = runs.size() > 0
                    && !runs.get(0).path("run").path("finishedAt").isNull()
                    && !runs.get(0).path("run").path("finishedAt").isMissingNode();
            if (finished || System.nanoTime() > deadline) {
                // another test's quiet site tells the same stories: its copies count as articles of this source too
                JsonNode run = runs.get(0).path("run");
                assertThat(run.path("articlesNew").asInt()
                                + run.path("articlesDuplicate").asInt())
                        .isEqualTo(8);
                return id;
            }
            Thread.sleep(200);
        }
    }

    private static List<JsonNode> notices(ApiClient who, long sourceId) throws Exception {
        List<JsonNode> found = new java.util.ArrayList<>();
        ApiClient.json(who.get("/api/v1/me/source-alerts")).path("notices").forEach(n -> {
            if (n.path("sourceId").asLong() == sourceId) {
                found.add(n);
            }
        });
        return found;
    }

    /** The notice comes from the event publication registry, after the check's commit, on another thread. */
    private static JsonNode awaitNotice(ApiClient who, long sourceId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<JsonNode> found = notices(who, sourceId);
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                assertThat(found).as("source notices").isNotEmpty();
                return found.getFirst();
            }
            Thread.sleep(200);
        }
    }

    private ApiClient user(String name, String role) {
        users.createUser(User.withUsername(name)
                .password(passwords.encode("secret-pass-1"))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + role)))
                .build());
        return ApiClient.as(port, name, "secret-pass-1");
    }
}
