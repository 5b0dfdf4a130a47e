package org.outpost.dashboard.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

@Tag(TestDatabases.TAG)
class SourceApiTest extends OutpostAppTest {

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    HttpServer site;
    ApiClient admin;

    @BeforeEach
    void startSite() throws IOException {
        admin = ApiClient.admin(port);
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local agency</title><link>"
                + url("/")
                + "</link><description>d</description>"
                + "<item><title>One</title><link>" + url("/news/2026/03/one") + "</link></item>"
                + "<item><title>Two</title><link>" + url("/news/2026/03/two") + "</link></item></channel></rss>";
        serve("/feed.xml", "application/rss+xml", feed);
        serve(
                "/news/2026/03/one",
                "text/html",
                page(
                        "Border guards seize heroin on the Panj",
                        "Tajik border guards seized forty kilograms of heroin from smugglers who crossed the Panj river from Afghanistan"));
        serve(
                "/news/2026/03/two",
                "text/html",
                page(
                        "Militants detained in Khujand",
                        "Security services in Khujand detained members of an extremist cell accused of recruiting fighters for Syria"));
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    @Test
    void theShippedSourcesAreListedDisabledAndTheSampleCorpusCameThroughAFolderSource() throws Exception {
        JsonNode list = ApiClient.json(admin.get("/api/v1/sources"));
        JsonNode sample = find(list, "Sample corpus");
        assertThat(sample.path("type").asText()).isEqualTo("folder");
        assertThat(sample.path("health").asText()).isEqualTo("ok");
        assertThat(sample.path("lastRun").path("status").asText()).isEqualTo("succeeded");
        JsonNode shipped = find(list, "Eurasia Daily Monitor (Jamestown Foundation)");
        assertThat(shipped.path("enabled").asBoolean()).isFalse();
        assertThat(shipped.path("health").asText()).isEqualTo("disabled");
        assertThat(shipped.path("owner").isNull()).isTrue();
    }

    @Test
    void invalidDefinitionsAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> badUrl =
                admin.post("/api/v1/sources", "{\"name\": \"X\", \"type\": \"rss\", \"url\": \"not a url\"}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(badUrl).path("field").asText()).isEqualTo("url");
        HttpResponse<String> badCron = admin.post(
                "/api/v1/sources",
                "{\"name\": \"X\", \"type\": \"rss\", \"url\": \"https://a.example/feed\", \"schedule\": \"0 0 99 * * ?\"}");
        assertThat(badCron.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(badCron).path("message").asText()).contains("schedule");
        HttpResponse<String> badType = admin.post(
                "/api/v1/sources", "{\"name\": \"X\", \"type\": \"podcast\", \"url\": \"https://a.example\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(badType).path("message").asText()).contains("unknown type 'podcast'");
        assertThat(admin.post("/api/v1/sources", "{not json").statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/sources/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void cronsFiringMoreOftenThanTheMinimumAndPatternsThatCouldHangAreRefusedNamingTheField() throws Exception {
        String base = "{\"name\": \"Flood %s\", \"type\": \"rss\", \"url\": \"https://flood.example/feed\","
                + " \"enabled\": false, %s}";
        HttpResponse<String> everySecond =
                admin.post("/api/v1/sources", base.formatted(System.nanoTime(), "\"schedule\": \"* * * * * ?\""));
        assertThat(everySecond.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(everySecond).path("field").asText()).isEqualTo("schedule");
        assertThat(ApiClient.json(everySecond).path("message").asText())
                .contains("PT1S")
                .contains("PT1M");

        HttpResponse<String> hourly =
                admin.post("/api/v1/sources", base.formatted(System.nanoTime(), "\"schedule\": \"0 0 * * * *\""));
        assertThat(hourly.statusCode()).isEqualTo(201);
        long id = ApiClient.json(hourly).path("id").asLong();
        HttpResponse<String> edited = admin.put(
                "/api/v1/sources/" + id, base.formatted(System.nanoTime(), "\"schedule\": \"*/10 * * * * *\""));
        assertThat(edited.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(edited).path("field").asText()).isEqualTo("schedule");

        HttpResponse<String> backreference = admin.post(
                "/api/v1/sources", base.formatted(System.nanoTime(), "\"includePattern\": \"(\\\\w+)/\\\\1\""));
        assertThat(backreference.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(backreference).path("field").asText()).isEqualTo("includePattern");
        HttpResponse<String> tooLong = admin.post(
                "/api/v1/sources",
                base.formatted(System.nanoTime(), "\"excludePattern\": \"" + "a".repeat(501) + "\""));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(tooLong).path("field").asText()).isEqualTo("excludePattern");
        assertThat(ApiClient.json(tooLong).path("message").asText()).contains("500");
        assertThat(admin.delete("/api/v1/sources/" + id).statusCode()).isEqualTo(204);
    }

    @Test
    void aSourceIsCreatedCrawledAtOnceRunAgainUpdatedAndDeleted() throws Exception {
        HttpResponse<String> created = admin.post("/api/v1/sources", """
                {"name": "Local agency", "type": "rss", "url": "%s", "schedule": "PT15M", "timezone": "Asia/Dushanbe",
                 "enabled": true, "allowPrivate": true}""".formatted(url("/feed.xml")));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/sources/" + id);

        JsonNode first = awaitRuns(id, 1).get(0).path("run");
        assertThat(first.path("status").asText()).isEqualTo("succeeded");
        assertThat(first.path("articlesNew").asInt()).isEqualTo(2);
        assertThat(awaitArticles("Local%20agency", 2)).isEqualTo(2); // searchable after the index's refresh

        HttpResponse<String> again = admin.post("/api/v1/sources/" + id + "/run", "");
        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode second = awaitRuns(id, 2).get(0).path("run");
        assertThat(second.path("trigger").asText()).isEqualTo("manual");
        assertThat(second.path("articlesNew").asInt()).isZero();

        HttpResponse<String> updated = admin.put("/api/v1/sources/" + id, """
                {"name": "Local agency", "type": "rss", "url": "%s", "schedule": "0 0 6 * * ?", "timezone": "Asia/Dushanbe",
                 "enabled": true, "allowPrivate": true}""".formatted(url("/feed.xml")));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(updated).path("schedule").asText()).isEqualTo("0 0 6 * * ?");
        assertThat(ApiClient.json(updated).path("nextRun").asText()).endsWith("T01:00:00Z"); // 06:00 in Dushanbe

        assertThat(admin.delete("/api/v1/sources/" + id).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v1/sources/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aUserSourceMayNotReachPrivateAddressesAndTheRunSaysWhy() throws Exception {
        HttpResponse<String> created = admin.post("/api/v1/sources", """
                {"name": "Sneaky intranet", "type": "rss", "url": "%s", "enabled": true}""".formatted(url("/feed.xml")));
        long id = ApiClient.json(created).path("id").asLong();

        JsonNode run = awaitRuns(id, 1).get(0);
        assertThat(run.path("run").path("status").asText()).isEqualTo("failed");
        assertThat(run.path("errors").get(0).path("kind").asText()).isEqualTo("BLOCKED_ADDRESS");
        JsonNode status = ApiClient.json(admin.get("/api/v1/sources/" + id));
        assertThat(status.path("health").asText()).isEqualTo("failing");
    }

    @Test
    void viewersReadSourcesButOnlyAnalystsAndAdminsChangeThemAndOnlyAdminsAddFolders() throws Exception {
        createUser("viewer-1", "VIEWER");
        createUser("analyst-1", "ANALYST");
        ApiClient viewer = ApiClient.as(port, "viewer-1", "secret-pass-1");
        ApiClient analyst = ApiClient.as(port, "analyst-1", "secret-pass-1");
        String body =
                "{\"name\": \"Analyst feed\", \"type\": \"rss\", \"url\": \"https://agency.example/feed\", \"enabled\": false}";

        assertThat(viewer.get("/api/v1/sources").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/sources", body).statusCode()).isEqualTo(403);
        HttpResponse<String> byAnalyst = analyst.post("/api/v1/sources", body);
        assertThat(byAnalyst.statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(byAnalyst).path("owner").asText()).isEqualTo("analyst-1");
        HttpResponse<String> folder =
                analyst.post("/api/v1/sources", "{\"name\": \"Files\", \"type\": \"folder\", \"url\": \"/etc\"}");
        assertThat(folder.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(folder).path("message").asText()).contains("only administrators");
        assertThat(ApiClient.anonymous(port).get("/api/v1/sources").statusCode())
                .isEqualTo(401);
    }

    private void createUser(String name, String role) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name)
                    .password(passwords.encode("secret-pass-1"))
                    .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + role)))
                    .build());
        }
    }

    private JsonNode awaitRuns(long id, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode runs = ApiClient.json(admin.get("/api/v1/sources/" + id + "/runs"));
            boolean done = runs.size() >= count
                    && !"running".equals(runs.get(0).path("run").path("status").asText());
            if (done || System.nanoTime() > deadline) {
                assertThat(runs.size()).as("runs of source %d", id).isGreaterThanOrEqualTo(count);
                return runs;
            }
            Thread.sleep(200);
        }
    }

    private int awaitArticles(String source, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int total;
        do {
            total = ApiClient.json(admin.get("/api/v1/articles?source=" + source))
                    .path("total")
                    .asInt();
            if (total >= expected) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return total;
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode source : list) {
            if (source.path("name").asText().equals(name)) {
                return source;
            }
        }
        throw new AssertionError("no source named " + name + " in " + list);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private void serve(String path, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        site.createContext(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
    }

    private static String page(String title, String sentence) {
        String paragraph = (sentence + ". ").repeat(3);
        return "<html lang=\"en\"><head><title>" + title + "</title></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<article><h1>" + title + "</h1><p>" + paragraph + "</p><p>" + paragraph + "</p><p>" + paragraph
                + "</p></article><footer>© Local agency</footer></body></html>";
    }
}
