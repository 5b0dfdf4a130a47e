package org.outpost.dashboard.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
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

@Tag(TestDatabases.TAG)
class UserApiTest extends OutpostAppTest {

    private static final String PASSWORD = "correct-horse-battery";

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
    void anAnalystIsCreatedListedAndLogsIn() throws Exception {
        String name = unique("analyst");
        HttpResponse<String> created = create(name, PASSWORD, "analyst");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/users/" + name);
        JsonNode body = ApiClient.json(created);
        assertThat(body.path("role").asText()).isEqualTo("ANALYST");
        assertThat(body.path("enabled").asBoolean()).isTrue();
        assertThat(body.has("password")).isFalse();

        HttpResponse<String> list = admin.get("/api/v1/admin/users");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"" + name + "\"").doesNotContain("{bcrypt}");
        String stored = jdbc.queryForObject("select authority from authorities where username = ?", String.class, name);
        assertThat(stored).isEqualTo("ROLE_ANALYST");

        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/articles").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUsersInterfaceLanguageIsSetReadAndForgottenThroughTheApi() throws Exception {
        String name = unique("reader");
        assertThat(create(name, PASSWORD, "viewer").statusCode()).isEqualTo(201);
        assertThat(ApiClient.json(admin.get("/api/v1/admin/users/" + name))
                        .path("language")
                        .isNull())
                .isTrue();

        HttpResponse<String> set = admin.put("/api/v1/admin/users/" + name, "{\"language\": \"RU\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(set).path("language").asText()).isEqualTo("ru");
        assertThat(ApiClient.json(admin.get("/api/v1/admin/users/" + name))
                        .path("language")
                        .asText())
                .isEqualTo("ru");
        assertThat(admin.put("/api/v1/admin/users/" + name, "{\"language\": \"tg\"}")
                        .statusCode())
                .as("the interface is in English and Russian only")
                .isEqualTo(400);
        HttpResponse<String> forgot = admin.put("/api/v1/admin/users/" + name, "{\"language\": \"\"}");
        assertThat(ApiClient.json(forgot).path("language").isNull()).isTrue();
    }

    @Test
    void aViewerReadsButMayNotChangeSourcesNorManageUsers() throws Exception {
        String name = unique("viewer");
        assertThat(create(name, PASSWORD, "VIEWER").statusCode()).isEqualTo(201);
        ApiClient viewer = ApiClient.as(port, name, PASSWORD);

        assertThat(viewer.get("/api/v1/sources").statusCode()).isEqualTo(200);
        assertThat(viewer.post(
                                "/api/v1/sources",
                                "{\"name\": \"X\", \"type\": \"rss\", \"url\": \"https://a.example/feed\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(viewer.get("/api/v1/admin/users").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/admin/users/" + name + "/password", "").statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAnalystMayNotManageUsers() throws Exception {
        String name = unique("analyst");
        create(name, PASSWORD, "ANALYST");
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/admin/users").statusCode())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/v1/admin/users").statusCode())
                .isEqualTo(401);
    }

    @Test
    void invalidInputIsRefusedWithTheReason() throws Exception {
        assertBadRequest(create("No Spaces Allowed", PASSWORD, "ANALYST"), "user name must be 3 to 50 characters");
        assertBadRequest(create("ab", PASSWORD, "ANALYST"), "user name must be 3 to 50 characters");
        assertBadRequest(create("x".repeat(51), PASSWORD, "ANALYST"), "user name must be 3 to 50 characters");
        assertBadRequest(create(unique("short"), "too-short", "ANALYST"), "at least 12 characters");
        assertBadRequest(create(unique("long"), "p".repeat(73), "ANALYST"), "at most 72 bytes");
        assertBadRequest(create(unique("role"), PASSWORD, "superuser"), "role must be one of ADMIN, ANALYST, VIEWER");
        assertBadRequest(
                admin.post(
                        "/api/v1/admin/users",
                        "{\"username\": \"" + unique("norole") + "\", \"password\": \"" + PASSWORD + "\"}"),
                "role is required");
        String name = unique("twice");
        create(name, PASSWORD, "VIEWER");
        assertBadRequest(create(name, PASSWORD, "VIEWER"), "already exists");
        assertBadRequest(admin.put("/api/v1/admin/users/" + name, "{\"role\": \"root\"}"), "role must be one of");
        assertThat(admin.put("/api/v1/admin/users/no-such-user", "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemotedAndNobodyDisablesThemself() throws Exception {
        // other tests' admins are disabled first, so 'admin' is the last one for this test
        for (JsonNode user : ApiClient.json(admin.get("/api/v1/admin/users"))) {
            if (user.path("role").asText().equals("ADMIN")
                    && !user.path("username").asText().equals("admin")) {
                admin.put("/api/v1/admin/users/" + user.path("username").asText(), "{\"enabled\": false}");
            }
        }
        assertBadRequest(
                admin.put("/api/v1/admin/users/admin", "{\"enabled\": false}"), "cannot disable your own account");
        assertBadRequest(admin.put("/api/v1/admin/users/admin", "{\"role\": \"ANALYST\"}"), "last enabled admin");

        // with a second admin, 'admin' may be disabled; then the second one is the last
        String second = unique("admin");
        create(second, PASSWORD, "ADMIN");
        ApiClient other = ApiClient.as(port, second, PASSWORD);
        assertThat(other.put("/api/v1/admin/users/admin", "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(200);
        try {
            assertThat(admin.get("/api/v1/admin/users").statusCode()).isEqualTo(401);
            assertBadRequest(
                    other.put("/api/v1/admin/users/" + second, "{\"role\": \"VIEWER\"}"), "last enabled admin");
            assertBadRequest(
                    other.put("/api/v1/admin/users/" + second, "{\"enabled\": false}"),
                    "cannot disable your own account");
        } finally {
            assertThat(other.put("/api/v1/admin/users/admin", "{\"enabled\": true}")
                            .statusCode())
                    .isEqualTo(200);
        }
        // two enabled admins again: one may be demoted, and then has no admin rights
        HttpResponse<String> demoted = admin.put("/api/v1/admin/users/" + second, "{\"role\": \"VIEWER\"}");
        assertThat(demoted.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(demoted).path("role").asText()).isEqualTo("VIEWER");
        assertThat(other.get("/api/v1/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        String name = unique("leaver");
        create(name, PASSWORD, "ANALYST");
        HttpResponse<String> disabled = admin.put("/api/v1/admin/users/" + name, "{\"enabled\": false}");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(disabled).path("enabled").asBoolean()).isFalse();
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/articles").statusCode())
                .isEqualTo(401);
        admin.put("/api/v1/admin/users/" + name, "{\"enabled\": true}");
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/articles").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aResetPasswordReplacesTheOldOne() throws Exception {
        String name = unique("forgetful");
        create(name, PASSWORD, "VIEWER");

        HttpResponse<String> reset = admin.post("/api/v1/admin/users/" + name + "/password", "");
        assertThat(reset.statusCode()).isEqualTo(200);
        String generated = ApiClient.json(reset).path("password").asText();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/articles").statusCode())
                .isEqualTo(401);
        assertThat(ApiClient.as(port, name, generated).get("/api/v1/articles").statusCode())
                .isEqualTo(200);

        String chosen = "a-chosen-password-42";
        HttpResponse<String> set =
                admin.post("/api/v1/admin/users/" + name + "/password", "{\"password\": \"" + chosen + "\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(set).path("password").isNull()).isTrue();
        assertThat(ApiClient.as(port, name, chosen).get("/api/v1/articles").statusCode())
                .isEqualTo(200);
        assertBadRequest(
                admin.post("/api/v1/admin/users/" + name + "/password", "{\"password\": \"short\"}"),
                "at least 12 characters");
        assertThat(admin.post("/api/v1/admin/users/nobody-here/password", "").statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> create(String name, String password, String role) throws Exception {
        return admin.post("/api/v1/admin/users", """
                {"username": "%s", "password": "%s", "role": "%s"}""".formatted(name, password, role));
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.json(response).path("message").asText()).contains(message);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
