package org.outpost.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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
class ReportApiTest extends OutpostAppTest {

    private static final String PASSWORD = "secret-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    ApiClient owner;
    ApiClient otherAnalyst;
    ApiClient viewer;

    @BeforeEach
    void users() {
        createUser("report-owner", "ANALYST");
        createUser("report-other", "ANALYST");
        createUser("report-viewer", "VIEWER");
        owner = ApiClient.as(port, "report-owner", PASSWORD);
        otherAnalyst = ApiClient.as(port, "report-other", PASSWORD);
        viewer = ApiClient.as(port, "report-viewer", PASSWORD);
    }

    @Test
    void aReportIsCreatedRunNowReadAsHtmlAndPdfUpdatedAndDeleted() throws Exception {
        HttpResponse<String> created = owner.post("/api/v1/reports", """
                {"name": "Border brief", "period": "week", "schedule": "0 30 6 * * MON", "timezone": "Asia/Dushanbe",
                 "topics": ["border_security", "drug_trafficking"], "recipients": ["desk@ngo.example", "report-viewer"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode report = ApiClient.json(created);
        long id = report.path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/reports/" + id);
        assertThat(report.path("owner").asText()).isEqualTo("report-owner");
        assertThat(report.path("nextRun").asText()).endsWith("T01:30:00Z"); // 06:30 in Dushanbe
        assertThat(report.path("lastRun").isNull()).isTrue();

        HttpResponse<String> started = owner.post("/api/v1/reports/" + id + "/run", "");
        assertThat(started.statusCode()).isEqualTo(202);
        long runId = ApiClient.json(started).path("runId").asLong();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/reports/" + id + "/runs/" + runId);

        JsonNode first = awaitRun(id, runId);
        assertThat(first.path("status").asText()).isEqualTo("succeeded");
        // an address nobody confirmed gets one confirmation message, not the report (issue 15)
        assertThat(reportsTo("desk@ngo.example")).isZero();
        jakarta.mail.internet.MimeMessage confirmation =
                org.outpost.dashboard.ConfirmationLinks.onlyTo("desk@ngo.example");
        assertThat(ApiClient.anonymous(port)
                        .get(org.outpost.dashboard.ConfirmationLinks.path(confirmation))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = owner.post("/api/v1/reports/" + id + "/run", "");
        assertThat(again.statusCode()).isEqualTo(202);
        runId = ApiClient.json(again).path("runId").asLong();
        JsonNode run = awaitRun(id, runId);
        // the test app mails to an in-process SMTP server: the confirmed recipient gets it
        assertThat(run.path("status").asText()).isEqualTo("succeeded");
        assertThat(reportsTo("desk@ngo.example")).isEqualTo(1);
        assertThat(run.path("trigger").asText()).isEqualTo("manual");

        HttpResponse<String> html = owner.get("/api/v1/reports/" + id + "/runs/" + runId);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(c -> assertThat(c).contains("default-src 'none'"));
        assertThat(html.body()).contains("Border brief").contains("Trend").contains("data:image/png;base64,");

        HttpResponse<byte[]> pdf = ownerBytes("/api/v1/reports/" + id + "/runs/" + runId + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");

        HttpResponse<String> updated = owner.put("/api/v1/reports/" + id, """
                {"name": "Border brief", "period": "day", "timezone": "UTC", "enabled": false}""");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(updated).path("nextRun").isNull()).isTrue();
        assertThat(ApiClient.json(updated).path("lastRun").path("id").asLong()).isEqualTo(runId);

        assertThat(owner.delete("/api/v1/reports/" + id).statusCode()).isEqualTo(204);
        assertThat(owner.get("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherUsersReportIsNotFoundViewersOnlyReadWhatTheyReceiveAndAdminsSeeAll() throws Exception {
        HttpResponse<String> created =
                owner.post("/api/v1/reports", "{\"name\": \"Private brief\", \"recipients\": [\"report-viewer\"]}");
        long id = ApiClient.json(created).path("id").asLong();
        HttpResponse<String> started = owner.post("/api/v1/reports/" + id + "/run", "");
        long runId = ApiClient.json(started).path("runId").asLong();
        awaitRun(id, runId);

        assertThat(otherAnalyst.get("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
        assertThat(otherAnalyst
                        .put("/api/v1/reports/" + id, "{\"name\": \"Mine now\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(otherAnalyst.delete("/api/v1/reports/" + id).statusCode()).isEqualTo(404);
        assertThat(otherAnalyst.post("/api/v1/reports/" + id + "/run", "").statusCode())
                .isEqualTo(404);
        assertThat(otherAnalyst.get("/api/v1/reports/" + id + "/runs").statusCode())
                .isEqualTo(404);
        assertThat(otherAnalyst.get("/api/v1/reports/" + id + "/runs/" + runId).statusCode())
                .isEqualTo(404);
        assertThat(ApiClient.json(otherAnalyst.get("/api/v1/reports")).findValuesAsText("name"))
                .doesNotContain("Private brief");

        // a viewer named as recipient reads the report and its runs, changes nothing, creates nothing
        assertThat(viewer.get("/api/v1/reports/" + id).statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/reports/" + id + "/runs/" + runId).statusCode())
                .isEqualTo(200);
        assertThat(viewer.post("/api/v1/reports/" + id + "/run", "").statusCode())
                .isEqualTo(403);
        assertThat(viewer.delete("/api/v1/reports/" + id).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/reports", "{\"name\": \"Viewer's own\"}")
                        .statusCode())
                .isEqualTo(403);

        assertThat(ApiClient.json(ApiClient.admin(port).get("/api/v1/reports")).findValuesAsText("name"))
                .contains("Private brief");
        assertThat(ApiClient.anonymous(port).get("/api/v1/reports").statusCode())
                .isEqualTo(401);
        assertThat(owner.get("/api/v1/reports/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidDefinitionsAreRefusedNamingTheField() throws Exception {
        assertField(owner.post("/api/v1/reports", "{\"name\": \"X\", \"schedule\": \"every morning\"}"), "schedule");
        assertField(owner.post("/api/v1/reports", "{\"name\": \"X\", \"timezone\": \"Mars/Olympus\"}"), "timezone");
        assertField(owner.post("/api/v1/reports", "{\"name\": \"X\", \"period\": \"fortnight\"}"), "period");
        assertField(owner.post("/api/v1/reports", "{\"name\": \"X\", \"topics\": [\"astrology\"]}"), "topics");
        assertField(owner.post("/api/v1/reports", "{\"name\": \"X\", \"query\": \"heroin AND (\"}"), "query");
        assertField(
                owner.post("/api/v1/reports", "{\"name\": \"X\", \"recipients\": [\"no-such-user\"]}"), "recipients");
        assertField(owner.post("/api/v1/reports", "{\"name\": \"  \"}"), "name");
        assertThat(owner.post("/api/v1/reports", "{not json").statusCode()).isEqualTo(400);
    }

    private static void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("message").asText()).startsWith(field + ":");
    }

    private JsonNode awaitRun(long id, long runId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode runs = ApiClient.json(owner.get("/api/v1/reports/" + id + "/runs"));
            for (JsonNode run : runs) {
                if (run.path("id").asLong() == runId
                        && !"running".equals(run.path("status").asText())) {
                    return run;
                }
            }
            assertThat(System.nanoTime())
                    .as("run %d of report %d still running", runId, id)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<byte[]> ownerBytes(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("report-owner:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private void createUser(String name, String role) {
        if (!users.userExists(name)) {
            users.createUser(User.withUsername(name)
                    .password(passwords.encode(PASSWORD))
                    .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + role)))
                    .build());
        }
    }

    private static long reportsTo(String address) {
        return java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address)
                                && m.getSubject().contains("Border brief");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .count();
    }
}
