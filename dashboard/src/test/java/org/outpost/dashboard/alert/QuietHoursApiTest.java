package org.outpost.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.QuietMode;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/** An alert's quiet hours and urgency through the API: written, read back, changed and checked. */
@Tag(TestDatabases.TAG)
class QuietHoursApiTest extends OutpostAppTest {

    private static final String PASSWORD = "secret-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SubscriptionService subscriptions;

    String owner;
    ApiClient api;

    @BeforeEach
    void aUser() {
        owner = "quiet-" + System.nanoTime();
        users.createUser(User.withUsername(owner)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_VIEWER")))
                .build());
        api = ApiClient.as(port, owner, PASSWORD);
    }

    @Test
    void anAlertsOwnQuietHoursAndUrgencyAreWrittenReadBackAndChanged() throws Exception {
        HttpResponse<String> created = api.post("/api/v1/subscriptions", """
                {"name": "Night border", "query": "border", "frequency": "instant", "timezone": "Asia/Dushanbe",
                 "channels": [{"type": "inapp"}],
                 "quietHours": "own", "quietStart": "23:00", "quietEnd": "06:30", "quietWeekends": true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = ApiClient.json(created);
        long id = body.path("id").asLong();
        assertThat(body.path("quietHours").asText()).isEqualTo("own");
        assertThat(body.path("quietStart").asText()).isEqualTo("23:00");
        assertThat(body.path("quietEnd").asText()).isEqualTo("06:30");
        assertThat(body.path("quietWeekends").asBoolean()).isTrue();
        assertThat(body.path("urgent").asBoolean()).isFalse();
        Subscription stored = subscriptions.get(id, owner).orElseThrow();
        assertThat(stored.quietMode()).isEqualTo(QuietMode.OWN);
        assertThat(stored.quietEnd()).isEqualTo(LocalTime.of(6, 30));

        HttpResponse<String> changed = api.put("/api/v1/subscriptions/" + id, """
                {"name": "Night border", "query": "border", "frequency": "instant", "channels": [{"type": "inapp"}],
                 "urgent": true}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode after = ApiClient.json(api.get("/api/v1/subscriptions/" + id));
        assertThat(after.path("urgent").asBoolean()).isTrue();
        assertThat(after.path("quietHours").asText())
                .as("left out: the owner's quiet hours, the default")
                .isEqualTo("user");
    }

    @Test
    void ownQuietHoursWithoutTheirTimesOrAnUnknownChoiceAreRefusedNamingTheField() throws Exception {
        HttpResponse<String> noEnd = api.post("/api/v1/subscriptions", """
                {"name": "No end", "query": "border", "channels": [{"type": "inapp"}],
                 "quietHours": "own", "quietStart": "22:00"}""");
        assertThat(noEnd.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noEnd).path("field").asText()).isEqualTo("quietEnd");

        HttpResponse<String> unknown = api.post("/api/v1/subscriptions", """
                {"name": "Unknown", "query": "border", "channels": [{"type": "inapp"}], "quietHours": "sometimes"}""");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknown).path("field").asText()).isEqualTo("quietHours");
        assertThat(ApiClient.json(unknown).path("message").asText()).contains("sometimes", "user", "none", "own");
        assertThat(subscriptions.list(owner)).isEmpty();
    }
}
