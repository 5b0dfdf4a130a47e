package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.FakeBotApi;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

/** Keyword-match messages say why they matched: the query's words marked in a passage, the topics that passed. */
@Tag(TestDatabases.TAG)
class MatchExplanationTest extends AlertsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeBotApi bot = new FakeBotApi(clock);

    @AfterEach
    void stopBot() {
        bot.close();
    }

    @Test
    void emailWebhookAndTelegramMarkTheQueryWordsInAPassageAndNameTheTopicsThatPassed() throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of(
                "outpost.alerts.telegram.bot-token", FakeBotApi.TOKEN, "outpost.alerts.telegram.api-url", bot.url()));
        try (AlertsHarness h = harness(p)) {
            confirm(h, "aziza", "aziza@example.org");
            h.bean(SubscriptionService.class)
                    .create(
                            "aziza",
                            SubscriptionDefinition.builder()
                                    .name("Border clashes")
                                    .query("border AND (clash OR shooting) NOT football")
                                    .topics(Map.of("border_conflicts", 0.5))
                                    .frequency("instant")
                                    .channels(List.of(
                                            ChannelDefinition.email("aziza@example.org"),
                                            ChannelDefinition.webhook(webhook.url(), null, false),
                                            ChannelDefinition.telegram("42")))
                                    .spikeAlerts(false)
                                    .paused(false)
                                    .build());
            Article hit = withTopics(
                    article(
                            "Tension in Isfara",
                            "Officials met on Monday to discuss water. Later, guards reported a clash at the Border"
                                    + " near Vorukh."),
                    Map.of("border_conflicts", 0.82, "water", 0.7));
            index.index(List.of(hit));
            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            Map<String, String> mail = MailParts.of(this.mail.getReceivedMessages()[0]);
            assertThat(mail.get("text/plain"))
                    .contains("reported a *clash* at the *Border* near Vorukh")
                    .contains("Topics: Border conflicts 0.82 (at least 0.50)");
            assertThat(mail.get("text/html"))
                    .contains("a <mark style=\"background:#fff3b0\">clash</mark> at the")
                    .doesNotContain("Water 0.70");

            JsonNode why = JSON.readTree(webhook.received().getFirst().body())
                    .path("articles")
                    .get(0)
                    .path("explanation");
            assertThat(why.path("terms")).extracting(JsonNode::asText).containsExactly("clash", "Border");
            assertThat(why.path("highlighted").asText()).contains("a <em>clash</em> at the <em>Border</em>");
            assertThat(why.path("topics").get(0).path("id").asText()).isEqualTo("border_conflicts");
            assertThat(why.path("topics").get(0).path("score").asDouble()).isEqualTo(0.82);
            assertThat(why.path("topics").get(0).path("min_score").asDouble()).isEqualTo(0.5);
            assertThat(why.path("topics")).hasSize(1);

            assertThat(bot.refused()).isEmpty();
            assertThat(bot.sent().getFirst().text())
                    .contains("<i>")
                    .contains("a <b>clash</b> at the <b>Border</b>")
                    .contains("Topics: Border conflicts 0.82 (at least 0.50)");
        }
    }

    @Test
    void aRussianWordIsMarkedInAnyOfItsFormsAsTheMatcherFindsIt() {
        Article article = Article.builder(
                        "Азия-Плюс", "Новости", "Вчера на таджикско-кыргызской границе снова стреляли.")
                .language("ru")
                .build();
        MatchExplanation why = MatchExplanation.of("граница", Map.of(), article);
        assertThat(why.snippet())
                .filteredOn(MatchExplanation.Piece::hit)
                .extracting(MatchExplanation.Piece::text)
                .containsExactly("границе");
    }
}
