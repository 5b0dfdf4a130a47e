package org.outpost.dashboard.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Value;

class ClassifyApiTest extends OutpostAppTest {

    @Value("${local.server.port}")
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.admin(port);
    }

    @Test
    void classifiesTextWithEveryTopicLabelsEntitiesAndExplanations() throws Exception {
        HttpResponse<String> response = api.post("/api/v1/classify", """
                {"title": "Heroin seized on the Tajik-Afghan border",
                 "text": "Tajik border guards seized 40 kilograms of heroin near Panj. The Drug Control Agency and the CSTO said drug trafficking from Afghanistan keeps growing."}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body.path("topics")))
                .containsExactly(
                        "border_security",
                        "drug_trafficking",
                        "terrorism",
                        "extremism",
                        "foreign_fighters",
                        "organized_crime",
                        "border_conflict",
                        "international_cooperation",
                        "human_rights");
        assertThat(body.path("topics").path("drug_trafficking").asDouble()).isBetween(0.5, 1.0);
        assertThat(texts(body.path("labels"))).contains("drug_trafficking", "border_security");
        assertThat(body.path("entities").toString())
                .contains("\"type\":\"org\"")
                .contains("CSTO")
                .contains("Afghanistan");
        JsonNode why = body.path("explanations").path("drug_trafficking").get(0);
        assertThat(why.has("term") && why.has("count") && why.has("weight")).isTrue();
    }

    @Test
    void theAnswerNamesTheLanguage_russianIsScoredAndTagged_anUnsupportedScriptIsOtherWithNoTopics() throws Exception {
        JsonNode russian = json(api.post("/api/v1/classify", """
                {"text": "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя с 40 кг героина. \
                Задержанный доставлен в Душанбе. Страны ОДКБ договорились усилить охрану границы."}
                """));
        assertThat(russian.path("language").asText()).isEqualTo("ru");
        assertThat(texts(russian.path("labels"))).contains("drug_trafficking", "border_security");
        assertThat(russian.path("entities").toString())
                .contains("Tajikistan")
                .contains("Afghanistan")
                .contains("Dushanbe")
                .contains("CSTO");

        JsonNode arabic = json(api.post("/api/v1/classify", """
                {"text": "ضبط حرس الحدود الطاجيكي 40 كيلوغراما من الهيروين على الحدود مع أفغانستان"}
                """));
        assertThat(arabic.path("language").asText()).isEqualTo("other");
        assertThat(texts(arabic.path("labels"))).isEmpty();
        assertThat(fieldNames(arabic.path("topics"))).hasSize(9);
    }

    @Test
    void emptyMissingOrOversizedTextIsA400WithAMessage() throws Exception {
        for (String bad : List.of("{\"text\": \"\"}", "{\"title\": \"only a title\"}", "{\"text\": \"   \"}")) {
            HttpResponse<String> response = api.post("/api/v1/classify", bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(response).path("message").asText()).contains("text");
        }
        HttpResponse<String> huge = api.post("/api/v1/classify", "{\"text\": \"" + "a".repeat(200_001) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).path("message").asText()).contains("limit");
        HttpResponse<String> notJson = api.post("/api/v1/classify", "text=hello");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("message").asText()).contains("JSON");
    }

    @Test
    void topicsEndpointListsTheDefinitionsInUse() throws Exception {
        JsonNode topics = json(api.get("/api/v1/topics"));
        assertThat(topics.size()).isEqualTo(9);
        JsonNode first = topics.get(0);
        assertThat(first.path("id").asText()).isEqualTo("border_security");
        assertThat(first.path("threshold").asDouble()).isPositive();
        assertThat(first.path("terms").get(0).path("query").asText()).isNotBlank();
    }

    @Test
    void sampleCorpusArticlesCarryScoresLabelsAndEntities() throws Exception {
        JsonNode list = json(api.get("/api/v1/articles?size=100"));
        int labelled = 0;
        for (JsonNode item : list.path("items")) {
            String host = java.net.URI.create(item.path("url").asText()).getHost();
            if (host != null && host.endsWith(".example")) {
                continue; // stored by another test with labels of its choosing (the reserved test domain)
            }
            JsonNode article =
                    json(api.get("/api/v1/articles/" + item.path("id").asText()));
            assertThat(article.path("topicScores").size()).isEqualTo(9);
            assertThat(article.path("entities").size())
                    .as(article.path("title").asText())
                    .isPositive();
            labelled += article.path("topics").isEmpty() ? 0 : 1;
        }
        assertThat(labelled).isGreaterThanOrEqualTo(12);
        JsonNode crackdown = json(api.get("/api/v1/articles?q="
                        + java.net.URLEncoder.encode(
                                "title:crackdown AND title:journalists", java.nio.charset.StandardCharsets.UTF_8)))
                .path("items")
                .get(0);
        JsonNode full = json(api.get("/api/v1/articles/" + crackdown.path("id").asText()));
        assertThat(texts(full.path("topics"))).contains("human_rights");
    }

    @Test
    void trendsCountLabelledArticlesPerBucket() throws Exception {
        JsonNode trends = json(api.get("/api/v1/trends?from=2022-10-18&to=2022-10-21&interval=day"));
        assertThat(trends.path("interval").asText()).isEqualTo("day");
        assertThat(trends.path("buckets").size()).isEqualTo(4);
        JsonNode oct20 = trends.path("buckets").get(2);
        assertThat(oct20.path("time").asText()).startsWith("2022-10-20");
        assertThat(oct20.path("total").asInt()).isEqualTo(1); // the CARICC press release
        assertThat(oct20.path("topics").path("international_cooperation").asInt())
                .isEqualTo(1);
        assertThat(oct20.path("topics").size()).isEqualTo(9);

        assertThat(api.get("/api/v1/trends?interval=month").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/trends?topic=weather").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/trends?tz=Mars/Olympus").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/trends?from=2000-01-01&interval=hour").statusCode())
                .isEqualTo(400);
        HttpResponse<String> badQuery = api.get("/api/v1/trends?q=%28unclosed");
        assertThat(badQuery.statusCode()).isEqualTo(400);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
