package org.outpost.dashboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
class AuditLogTest extends OutpostAppTest {

    private static final String PASSWORD = "audited-password-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcAuditLog log;

    @Test
    void eachAccountActionLeavesOneRowNamingTheAdminAndTheAccount() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        String name = unique("audited");
        assertThat(admin.post("/api/v1/admin/users", user(name, "viewer")).statusCode())
                .isEqualTo(201);
        assertThat(admin.put("/api/v1/admin/users/" + name, "{\"role\": \"ANALYST\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/admin/users/" + name, "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/admin/users/" + name, "{\"enabled\": true}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/users/" + name + "/password", "").statusCode())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/users/" + name + "/unlock", "").statusCode())
                .isEqualTo(200);
        assertThat(admin.delete("/api/v1/admin/users/" + name).statusCode()).isEqualTo(204);

        for (String type : List.of(
                "USER_CREATED",
                "USER_ROLE_CHANGED",
                "USER_DISABLED",
                "USER_ENABLED",
                "PASSWORD_RESET",
                "ACCOUNT_UNLOCKED",
                "USER_DELETED")) {
            JsonNode page = ApiClient.json(admin.get("/api/v1/admin/audit?user=" + name + "&type=" + type));
            assertThat(page.path("total").asLong()).as(type).isEqualTo(1);
            JsonNode entry = page.path("entries").get(0);
            assertThat(entry.path("principal").asText()).as(type).isEqualTo("admin");
            assertThat(entry.path("target").asText()).as(type).isEqualTo(name);
            assertThat(entry.path("clientAddress").asText()).as(type).isEqualTo("127.0.0.1");
        }
        JsonNode role = ApiClient.json(admin.get("/api/v1/admin/audit?user=" + name + "&type=USER_ROLE_CHANGED"))
                .path("entries")
                .get(0)
                .path("data");
        assertThat(role.path("from").asText()).isEqualTo("VIEWER");
        assertThat(role.path("to").asText()).isEqualTo("ANALYST");
        // a change refused (the last admin, yourself) leaves nothing
        assertThat(admin.delete("/api/v1/admin/users/admin").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where event_type = 'USER_DELETED' and target = 'admin'",
                        Long.class))
                .isZero();
    }

    @Test
    void signInsAreRecordedAndNoSecretReachesAnyRow() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        String name = unique("signer");
        admin.post("/api/v1/admin/users", user(name, "viewer"));
        String wrong = "wrong-" + UUID.randomUUID();
        assertThat(ApiClient.as(port, name, wrong).get("/api/v1/articles").statusCode())
                .isEqualTo(401);
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/articles").statusCode())
                .isEqualTo(200);
        String chosen = "chosen-" + UUID.randomUUID();
        admin.post("/api/v1/admin/users/" + name + "/password", "{\"password\": \"" + chosen + "\"}");
        String generated = ApiClient.json(admin.post("/api/v1/admin/users/" + name + "/password", ""))
                .path("password")
                .asText();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);

        JsonNode failure =
                ApiClient.json(admin.get("/api/v1/admin/audit?user=" + name + "&type=AUTHENTICATION_FAILURE"));
        assertThat(failure.path("total").asLong()).isEqualTo(1);
        assertThat(failure.path("entries").get(0).path("data").path("type").asText())
                .isEqualTo("BadCredentialsException");
        assertThat(ApiClient.json(admin.get("/api/v1/admin/audit?user=" + name + "&type=AUTHENTICATION_SUCCESS"))
                        .path("total")
                        .asLong())
                .isEqualTo(1);

        List<Map<String, Object>> rows = jdbc.queryForList("select * from audit_log");
        assertThat(rows.toString())
                .contains(name)
                .doesNotContain(wrong)
                .doesNotContain(PASSWORD)
                .doesNotContain(chosen)
                .doesNotContain(generated)
                .doesNotContain("{bcrypt}");
    }

    @Test
    void aPublisherSlipIsCleanedAndOldRowsGo() {
        log.add(new org.springframework.boot.actuate.audit.AuditEvent(
                Instant.parse("2000-01-01T00:00:00Z"),
                "slip-" + UUID.randomUUID(),
                "TOKEN_CREATED",
                Map.of("name", "ci", "token", "opt_live_abc", "webhookSecret", "s3cret", "Password", "x")));
        String data = jdbc.queryForObject(
                "select data from audit_log where occurred_at = ? and event_type = 'TOKEN_CREATED'",
                String.class,
                java.sql.Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")));
        assertThat(data).contains("\"name\":\"ci\"").doesNotContain("opt_live_abc", "s3cret", "Password");
        assertThat(log.deleteBefore(Instant.parse("2001-01-01T00:00:00Z"))).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where occurred_at < ?",
                        Long.class,
                        java.sql.Timestamp.from(Instant.parse("2001-01-01T00:00:00Z"))))
                .isZero();
    }

    @Test
    void onlyAdminsReadTheLogAndThePageIsBounded() throws Exception {
        String name = unique("curious");
        ApiClient.admin(port).post("/api/v1/admin/users", user(name, "analyst"));
        assertThat(ApiClient.as(port, name, PASSWORD).get("/api/v1/admin/audit").statusCode())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/v1/admin/audit").statusCode())
                .isEqualTo(401);
        // refused requests are not rows: anyone could fill the table without signing in
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where event_type = 'AUTHORIZATION_FAILURE'", Long.class))
                .isZero();
        HttpResponse<String> tooBig = ApiClient.admin(port).get("/api/v1/admin/audit?size=100000");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(tooBig).path("field").asText()).isEqualTo("size");
        HttpResponse<String> overflow = ApiClient.admin(port).get("/api/v1/admin/audit?page=2147483647");
        assertThat(overflow.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(overflow).path("field").asText()).isEqualTo("page");
        assertThat(ApiClient.admin(port)
                        .get("/api/v1/admin/audit?from=yesterday")
                        .statusCode())
                .isEqualTo(400);
        JsonNode page = ApiClient.json(ApiClient.admin(port).get("/api/v1/admin/audit?size=2"));
        assertThat(page.path("entries").size()).isLessThanOrEqualTo(2);
    }

    @Test
    void addingASourceIsRecorded() throws Exception {
        String source = "Audited " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = ApiClient.admin(port)
                .post(
                        "/api/v1/sources",
                        "{\"name\": \"" + source + "\", \"type\": \"rss\", \"url\": \"https://audit.example/feed\","
                                + " \"enabled\": false}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ApiClient.json(created).path("id").asLong();
        assertThat(ApiClient.admin(port).delete("/api/v1/sources/" + id).statusCode())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where event_type in ('SOURCE_CREATED', 'SOURCE_DELETED')"
                                + " and principal = 'admin' and data like ?",
                        Long.class,
                        "%" + source + "%"))
                .isEqualTo(2);
    }

    private static String user(String name, String role) {
        return """
                {"username": "%s", "password": "%s", "role": "%s"}""".formatted(name, PASSWORD, role);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
