package org.outpost.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
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

/** Telegram chats and Teams webhooks through the API: written, read back, and refused with the field at fault. */
@Tag(TestDatabases.TAG)
class ChannelApiTest extends OutpostAppTest {

    private static final String PASSWORD = "secret-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsManager users;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aTelegramChatAndATeamsWebhookAreStoredAndReadBackAndABadChatIdIsRefusedByField() throws Exception {
        String name = "channels-" + System.nanoTime();
        users.createUser(User.withUsername(name)
                .password(passwords.encode(PASSWORD))
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_VIEWER")))
                .build());
        ApiClient api = ApiClient.as(port, name, PASSWORD);

        HttpResponse<String> created = api.post("/api/v1/subscriptions", """
                {"name": "Border to Telegram", "query": "border", "frequency": "instant",
                 "channels": [{"type": "telegram", "chatId": "-1001234567890"},
                              {"type": "webhook", "url": "https://teams.example.org/webhookb2/abc", "teams": true}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode read = ApiClient.json(api.get(
                "/api/v1/subscriptions/" + ApiClient.json(created).path("id").asLong()));
        assertThat(read.path("channels").get(0).path("type").asText()).isEqualTo("telegram");
        assertThat(read.path("channels").get(0).path("chatId").asText()).isEqualTo("-1001234567890");
        assertThat(read.path("channels").get(1).path("teams").asBoolean()).isTrue();

        HttpResponse<String> bad = api.post("/api/v1/subscriptions", """
                {"name": "Bad chat", "query": "border", "frequency": "instant",
                 "channels": [{"type": "inapp"}, {"type": "telegram", "chatId": "t.me/somebody"}]}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(bad).path("field").asText()).isEqualTo("channels[1].chatId");
    }
}
