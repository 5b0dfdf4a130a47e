package org.outpost.dashboard.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.UserDetailsManager;

class RescoreApiTest extends OutpostAppTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ArticleIndex index;

    @Autowired
    UserDetailsManager users;

    @Test
    void anEditedTopicFileIsReloadedAndEveryArticleRescoredWithoutARestart() throws Exception {
        ApiClient api = ApiClient.admin(port);
        String original = Files.readString(TOPICS_FILE);
        String someId = json(api.get("/api/v1/articles?size=1"))
                .path("items")
                .get(0)
                .path("id")
                .asText();
        String indexedBefore =
                json(api.get("/api/v1/articles/" + someId)).path("indexedAt").asText();
        // stored before languages were recognised: Russian text marked English, no topics, no entities
        Article mislabelled = Article.builder(
                        "Вести Пянджа",
                        "Пограничники задержали нарушителя с героином",
                        "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя, у которого "
                                + "изъяли 40 кг героина; возбуждено уголовное дело о контрабанде наркотиков.")
                .url("https://rescore-language-test.example/" + System.nanoTime())
                .language("en")
                .fetchedAt(Instant.now())
                .build();
        index.index(List.of(mislabelled));
        index.refresh();
        try {
            Files.writeString(TOPICS_FILE, original + """

                      - id: water_disputes
                        name: Water disputes
                        threshold: 0.3
                        terms:
                          - { query: 'water OR dam OR reservoir OR river', weight: 3 }
                    """);
            HttpResponse<String> started = api.post("/api/v1/admin/rescore", "");
            assertThat(started.statusCode()).isEqualTo(202);
            JsonNode done = awaitFinished(api);
            assertThat(done.path("processed").asLong()).isEqualTo(index.count());
            assertThat(done.path("failed").asLong()).isZero();

            assertThat(json(api.get("/api/v1/topics")).size()).isEqualTo(10);
            JsonNode article = json(api.get("/api/v1/articles/" + someId));
            assertThat(article.path("topicScores").has("water_disputes")).isTrue();
            // re-scoring is not re-indexing: the article keeps its indexing time
            assertThat(article.path("indexedAt").asText()).isEqualTo(indexedBefore);

            JsonNode redetected = json(api.get("/api/v1/articles/" + mislabelled.id()));
            assertThat(redetected.path("language").asText())
                    .as("re-scoring recognises the language again")
                    .isEqualTo("ru");
            assertThat(strings(redetected.path("topics"))).contains("drug_trafficking");
            assertThat(strings(redetected.path("entities"))).contains("country:Tajikistan");
        } finally {
            Files.writeString(TOPICS_FILE, original);
            api.post("/api/v1/admin/rescore", "");
            awaitFinished(api);
        }
        assertThat(json(api.get("/api/v1/topics")).size()).isEqualTo(9);
    }

    @Test
    void aBrokenTopicFileIsRefusedAndTheTopicsInUseStay() throws Exception {
        ApiClient api = ApiClient.admin(port);
        String original = Files.readString(TOPICS_FILE);
        try {
            Files.writeString(
                    TOPICS_FILE,
                    "topics:\n  - id: broken\n    threshold: 0.3\n    terms: [{ query: '(x', weight: 1 }]\n");
            HttpResponse<String> refused = api.post("/api/v1/admin/rescore", "");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).path("message").asText())
                    .contains("topic broken")
                    .contains("(x");
            assertThat(json(api.get("/api/v1/topics")).size()).isEqualTo(9);
        } finally {
            Files.writeString(TOPICS_FILE, original);
        }
    }

    @Test
    void onlyAdminsMayRescore() throws Exception {
        if (!users.userExists("analyst")) {
            users.createUser(User.withUsername("analyst")
                    .password("{noop}analyst-pw")
                    .roles("ANALYST")
                    .build());
        }
        HttpResponse<String> response =
                ApiClient.as(port, "analyst", "analyst-pw").post("/api/v1/admin/rescore", "");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private static JsonNode awaitFinished(ApiClient api) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = json(api.get("/api/v1/admin/rescore"));
            if (!status.path("state").asText().equals("RUNNING")) {
                assertThat(status.path("state").asText()).isEqualTo("FINISHED");
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("re-scoring did not finish within 60 s");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
