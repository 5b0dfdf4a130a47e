package org.outpost.dashboard.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.ConfirmationLinks;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * In the running app: a new address on an alert gets one confirmation message and no alert; the
 * public link (no sign-in) confirms it, and from then on matching articles are emailed.
 */
@Tag(TestDatabases.TAG)
class EmailConfirmationTest extends OutpostAppTest {

    private static final String PASSWORD = "secret-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    IngestPipeline pipeline;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfigurableApplicationContext context;

    final List<AuditApplicationEvent> audit = new CopyOnWriteArrayList<>();
    String owner;
    String address;
    ApiClient client;

    @BeforeEach
    void user() {
        long unique = System.nanoTime();
        owner = "confirmer-" + unique;
        address = "desk-" + unique + "@ngo.example";
        users.createUser(User.withUsername(owner)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))
                .build());
        client = ApiClient.as(port, owner, PASSWORD);
        context.addApplicationListener((ApplicationListener<AuditApplicationEvent>) audit::add);
    }

    @Test
    void aNewAddressGetsOneConfirmationAndAlertsOnlyAfterItsLinkIsFollowed() throws Exception {
        String word = "kestrel" + System.nanoTime();
        HttpResponse<String> created = client.post("/api/v1/subscriptions", subscription("First", word));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ApiClient.json(created)
                        .path("channels")
                        .get(0)
                        .path("confirmation")
                        .asText())
                .isEqualTo("waiting");
        MimeMessage confirmation = ConfirmationLinks.onlyTo(address);
        String link = ConfirmationLinks.path(confirmation);

        index("Convoy " + word + " stopped", "A convoy named " + word + " was stopped at the border.");
        awaitDelivered(1);
        assertThat(alertsTo(address)).as("no alert before the confirmation").isEmpty();
        JsonNode log = ApiClient.json(client.get("/api/v1/notifications"));
        assertThat(log.toString()).contains("unconfirmed");

        // a second subscription to the same address asks nobody again
        assertThat(client.post("/api/v1/subscriptions", subscription("Second", word + "x"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(ConfirmationLinks.to(address)).hasSize(1);
        assertThat(client.post("/api/v1/subscriptions/email-confirmations", "{\"address\": \"" + address + "\"}")
                        .statusCode())
                .as("resend only after the cool-down")
                .isEqualTo(409);

        HttpResponse<String> page = ApiClient.anonymous(port).get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Address confirmed")
                .contains("Адрес подтверждён")
                .contains(address);
        assertThat(audit)
                .filteredOn(e -> e.getAuditEvent().getType().equals("EMAIL_CONFIRMED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getAuditEvent().getPrincipal()).isEqualTo(owner);
                    assertThat(e.getAuditEvent().getData()).containsEntry("address", address);
                });
        assertThat(ApiClient.json(client.get("/api/v1/subscriptions"))
                        .get(0)
                        .path("channels")
                        .get(0)
                        .path("confirmation")
                        .asText())
                .isEqualTo("confirmed");

        index("Second convoy " + word + " stopped", "Another convoy named " + word + " was stopped.");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (alertsTo(address).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(alertsTo(address))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("Second convoy"));

        // a third subscription to the confirmed address sends no confirmation
        assertThat(client.post("/api/v1/subscriptions", subscription("Third", word + "y"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(ConfirmationLinks.to(address)).hasSize(1);
    }

    @Test
    void anUnknownOrExpiredLinkSaysSoPlainly() throws Exception {
        HttpResponse<String> unknown = ApiClient.anonymous(port).get("/confirm/no-such-token");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown link").contains("Неизвестная ссылка");

        client.post("/api/v1/subscriptions", subscription("Expiring", "falcon" + System.nanoTime()));
        String link = ConfirmationLinks.path(ConfirmationLinks.onlyTo(address));
        jdbc.sql("update alert_email_confirmation set expires_at = ? where owner = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), owner)
                .update();
        HttpResponse<String> expired = ApiClient.anonymous(port).get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired").contains(owner);
        assertThat(jdbc.sql(
                                "select count(*) from alert_email_confirmation where owner = ? and confirmed_at is not null")
                        .param(owner)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String subscription(String name, String query) {
        return "{\"name\": \"" + name + "\", \"query\": \"" + query + "\", \"frequency\": \"instant\","
                + " \"channels\": [{\"type\": \"email\", \"address\": \"" + address + "\"}]}";
    }

    private List<MimeMessage> alertsTo(String to) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(to)
                                && m.getSubject().startsWith("[Outpost]");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Waits until the owner's log holds this many deliveries (sent or not). */
    private void awaitDelivered(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (ApiClient.json(client.get("/api/v1/notifications")).size() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no delivery planned within 30 s");
    }

    private void index(String title, String body) {
        Article article = Article.builder("Confirmation test agency", title, body.repeat(4))
                .url("https://confirm.example/news/" + System.nanoTime())
                .fetchedAt(Instant.now())
                .publishedAt(Instant.now())
                .build();
        try (IngestBatch batch = pipeline.batch()) {
            batch.add(article, settled -> {});
        }
    }
}
