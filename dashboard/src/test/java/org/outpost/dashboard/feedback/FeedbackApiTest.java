package org.outpost.dashboard.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.provisioning.UserDetailsManager;

@Tag(TestDatabases.TAG)
class FeedbackApiTest extends OutpostAppTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ArticleIndex index;

    @Autowired
    UserDetailsManager users;

    @Test
    void aVerdictIsStoredWithTheScoreAtTheTimeAndOnlyItsAuthorSeesIt() throws Exception {
        Article article = FeedbackFixtures.article(index, "terrorism", "border_security");
        ApiClient anna = analyst("fb-anna");
        ApiClient boris = analyst("fb-boris");

        HttpResponse<String> stored = anna.post(path(article), "{\"topic\":\"border_security\",\"verdict\":\"wrong\"}");

        assertThat(stored.statusCode()).isEqualTo(201);
        JsonNode body = json(stored);
        assertThat(body.path("topic").asText()).isEqualTo("border_security");
        assertThat(body.path("verdict").asText()).isEqualTo("wrong");
        assertThat(body.path("score").asDouble()).isEqualTo(0.8);
        assertThat(body.path("language").asText()).isEqualTo("en");
        assertThat(body.path("givenAt").asText()).isNotBlank();
        assertThat(json(anna.get(path(article)))).hasSize(1);
        assertThat(json(boris.get(path(article)))).as("another user's feedback").isEmpty();
    }

    @Test
    void anotherVerdictReplacesTheFirstAndDeleteUndoesIt() throws Exception {
        Article article = FeedbackFixtures.article(index, "terrorism");
        ApiClient anna = analyst("fb-anna");

        assertThat(anna.post(path(article), "{\"topic\":\"terrorism\",\"verdict\":\"right\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(anna.post(path(article), "{\"topic\":\"terrorism\",\"verdict\":\"wrong\"}")
                        .statusCode())
                .isEqualTo(201);
        JsonNode mine = json(anna.get(path(article)));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("verdict").asText()).isEqualTo("wrong");

        assertThat(anna.delete(path(article) + "?topic=terrorism").statusCode()).isEqualTo(204);
        assertThat(json(anna.get(path(article)))).isEmpty();
        HttpResponse<String> again = anna.delete(path(article) + "?topic=terrorism");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).path("message").asText()).contains("no feedback on topic 'terrorism'");
    }

    @Test
    void notRelevantIsSaidOfTheWholeArticleBesideTheTopicVerdicts() throws Exception {
        Article article = FeedbackFixtures.article(index, "terrorism");
        ApiClient anna = analyst("fb-anna");

        HttpResponse<String> stored = anna.post(path(article), "{\"topic\":null,\"verdict\":\"not_relevant\"}");
        anna.post(path(article), "{\"topic\":\"drug_trafficking\",\"verdict\":\"missing\"}");

        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(json(stored).path("topic").isNull()).isTrue();
        JsonNode mine = json(anna.get(path(article)));
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).path("verdict").asText()).isEqualTo("not_relevant");
        assertThat(mine.get(1).path("verdict").asText()).isEqualTo("missing");

        assertThat(anna.delete(path(article)).statusCode()).isEqualTo(204);
        JsonNode left = json(anna.get(path(article)));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).path("topic").asText()).isEqualTo("drug_trafficking");
    }

    @Test
    void aUserCannotWithdrawAnothersVerdict() throws Exception {
        Article article = FeedbackFixtures.article(index, "terrorism");
        ApiClient anna = analyst("fb-anna");
        ApiClient boris = analyst("fb-boris");
        anna.post(path(article), "{\"topic\":\"terrorism\",\"verdict\":\"right\"}");

        assertThat(boris.delete(path(article) + "?topic=terrorism").statusCode())
                .isEqualTo(404);

        assertThat(json(anna.get(path(article)))).hasSize(1);
    }

    @Test
    void aViewerMayGiveFeedback() throws Exception {
        Article article = FeedbackFixtures.article(index, "terrorism");
        ApiClient viewer =
                ApiClient.as(port, FeedbackFixtures.user(users, "fb-viewer", "VIEWER"), FeedbackFixtures.PASSWORD);

        assertThat(viewer.post(path(article), "{\"topic\":\"terrorism\",\"verdict\":\"wrong\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(json(viewer.get(path(article)))).hasSize(1);
    }

    @Test
    void feedbackThatDoesNotFitTheArticleIsRefusedSayingWhy() throws Exception {
        Article article = FeedbackFixtures.article(index, "terrorism");
        ApiClient anna = analyst("fb-anna");

        assertRefused(
                anna.post(path(article), "{\"topic\":\"piracy\",\"verdict\":\"wrong\"}"), "topic", "must be one of");
        assertRefused(
                anna.post(path(article), "{\"topic\":\"terrorism\",\"verdict\":\"maybe\"}"),
                "verdict",
                "right, wrong, missing, not_relevant");
        assertRefused(
                anna.post(path(article), "{\"topic\":\"terrorism\",\"verdict\":\"missing\"}"),
                "topic",
                "already a label");
        assertRefused(
                anna.post(path(article), "{\"topic\":\"extremism\",\"verdict\":\"right\"}"),
                "topic",
                "not a label of this article");
        assertRefused(
                anna.post(path(article), "{\"topic\":\"terrorism\",\"verdict\":\"not_relevant\"}"),
                "topic",
                "whole article");
        assertRefused(anna.post(path(article), "{\"verdict\":\"wrong\"}"), "topic", "required");
        assertThat(json(anna.get(path(article))))
                .as("nothing refused is stored")
                .isEmpty();

        HttpResponse<String> unknown = anna.post(
                "/api/v1/articles/no-such-article/feedback", "{\"topic\":\"terrorism\",\"verdict\":\"right\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("message").asText()).contains("no-such-article");
    }

    @Test
    void adminsSeeCountsAgreementAndTheArticlesBehindATopic() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        JsonNode before = topic(admin, "human_rights");
        Article agreed = FeedbackFixtures.article(index, "human_rights");
        Article disputed = FeedbackFixtures.article(index, "human_rights");
        analyst("fb-anna").post(path(agreed), "{\"topic\":\"human_rights\",\"verdict\":\"right\"}");
        analyst("fb-boris").post(path(agreed), "{\"topic\":\"human_rights\",\"verdict\":\"right\"}");
        analyst("fb-anna").post(path(disputed), "{\"topic\":\"human_rights\",\"verdict\":\"right\"}");
        analyst("fb-boris").post(path(disputed), "{\"topic\":\"human_rights\",\"verdict\":\"wrong\"}");

        JsonNode after = topic(admin, "human_rights");

        assertThat(after.path("right").asInt() - before.path("right").asInt()).isEqualTo(3);
        assertThat(after.path("wrong").asInt() - before.path("wrong").asInt()).isEqualTo(1);
        assertThat(after.path("articles").asInt() - before.path("articles").asInt())
                .isEqualTo(2);
        int compared = after.path("compared").asInt();
        assertThat(compared - before.path("compared").asInt()).isEqualTo(2);
        double agreedBefore = before.path("agreement").isNull()
                ? 0
                : before.path("agreement").asDouble() * before.path("compared").asInt();
        assertThat(after.path("agreement").asDouble() * compared - agreedBefore)
                .as("one of the two new pairs agrees")
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));

        JsonNode articles = json(admin.get("/api/v1/admin/feedback/topics/human_rights"));
        JsonNode row = null;
        for (JsonNode a : articles) {
            if (a.path("articleId").asText().equals(disputed.id())) {
                row = a;
            }
        }
        assertThat(row).as("the disputed article is listed").isNotNull();
        assertThat(row.path("right").asInt()).isEqualTo(1);
        assertThat(row.path("wrong").asInt()).isEqualTo(1);
        assertThat(row.path("users").asInt()).isEqualTo(2);
        assertThat(row.path("score").asDouble()).isEqualTo(0.8);
        assertThat(row.path("title").asText()).isEqualTo(disputed.title());
    }

    @Test
    void onlyAdminsSeeTheFeedbackOfEveryone() throws Exception {
        ApiClient anna = analyst("fb-anna");

        assertThat(anna.get("/api/v1/admin/feedback/topics").statusCode()).isEqualTo(403);
        assertThat(anna.get("/api/v1/admin/feedback/topics/terrorism").statusCode())
                .isEqualTo(403);
        assertThat(ApiClient.admin(port).get("/api/v1/admin/feedback/topics").statusCode())
                .isEqualTo(200);
    }

    private JsonNode topic(ApiClient admin, String topic) throws Exception {
        HttpResponse<String> response = admin.get("/api/v1/admin/feedback/topics");
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode row : json(response).path("topics")) {
            if (row.path("topic").asText().equals(topic)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + topic + " in " + response.body());
    }

    private ApiClient analyst(String name) {
        return ApiClient.as(port, FeedbackFixtures.user(users, name, "ANALYST"), FeedbackFixtures.PASSWORD);
    }

    private static String path(Article article) {
        return "/api/v1/articles/" + article.id() + "/feedback";
    }

    private static void assertRefused(HttpResponse<String> response, String field, String says) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo(field);
        assertThat(json(response).path("message").asText()).contains(says);
    }
}
