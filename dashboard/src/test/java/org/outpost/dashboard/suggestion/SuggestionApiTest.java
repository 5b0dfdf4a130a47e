package org.outpost.dashboard.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.outpost.dashboard.feedback.FixedFeedback;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.UserDetailsManager;

class SuggestionApiTest extends OutpostAppTest {

    private static final String PATH = "/api/v1/admin/topics/" + MissingFeedback.TOPIC + "/suggestions";

    @Value("${local.server.port}")
    int port;

    @Autowired
    FixedFeedback feedback;

    @Autowired
    UserDetailsManager users;

    @BeforeEach
    void missingFeedback() {
        feedback.use(Map.of(MissingFeedback.TOPIC, MissingFeedback.borderTexts()));
    }

    @AfterEach
    void realFeedback() {
        feedback.clear();
    }

    @Test
    void anAdminGetsTheSharedPhraseAsAClauseWithItsMeasuredEffect() throws Exception {
        HttpResponse<String> response = ApiClient.admin(port).get(PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("topic").asText()).isEqualTo(MissingFeedback.TOPIC);
        assertThat(body.path("missing").asInt()).isEqualTo(3);
        JsonNode phrase = candidate(body, MissingFeedback.PHRASE);
        assertThat(phrase.path("language").asText()).isEqualTo("en");
        assertThat(phrase.path("yaml").asText()).isEqualTo("- { query: '\"slipped across\"', weight: 2 }");
        assertThat(phrase.path("placement").asText()).isEqualTo("terms");
        assertThat(phrase.path("missingTexts").asInt()).isEqualTo(3);
        JsonNode effect = phrase.path("effect");
        assertThat(effect.path("texts").asInt()).isPositive();
        assertThat(effect.path("before").path("f1").isNumber()).isTrue();
        assertThat(effect.path("after").path("recall").asDouble())
                .as("a clause that adds cannot lower recall")
                .isGreaterThanOrEqualTo(effect.path("before").path("recall").asDouble());
        assertThat(effect.path("lost").asInt()).isZero();
    }

    @Test
    void aTopicWithoutMissingFeedbackHasNoCandidates() throws Exception {
        JsonNode body = json(ApiClient.admin(port).get("/api/v1/admin/topics/terrorism/suggestions"));

        assertThat(body.path("missing").asInt()).isZero();
        assertThat(body.path("candidates").size()).isZero();
        assertThat(body.path("minMissing").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownTopicIsNotFound() throws Exception {
        HttpResponse<String> response = ApiClient.admin(port).get("/api/v1/admin/topics/no_such_topic/suggestions");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("message").asText()).contains("no_such_topic");
    }

    @Test
    void onlyAdminsGetSuggestions() throws Exception {
        if (!users.userExists("analyst")) {
            users.createUser(User.withUsername("analyst")
                    .password("{noop}analyst-pw")
                    .roles("ANALYST")
                    .build());
        }

        HttpResponse<String> response =
                ApiClient.as(port, "analyst", "analyst-pw").get(PATH);

        assertThat(response.statusCode()).isEqualTo(403);
    }

    private static JsonNode candidate(JsonNode body, String query) {
        for (JsonNode candidate : body.path("candidates")) {
            if (candidate.path("query").asText().equals(query)) {
                return candidate;
            }
        }
        throw new AssertionError(query + " not among " + body.path("candidates"));
    }
}
