package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class TeamsWebhookTest extends AlertsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTeamsWebhookReceivesAnAdaptiveCardMessageWithTheArticlesLinkedAndTheAlertsLinksAsButtons() throws Exception {
        try (AlertsHarness h = harness()) {
            Subscription s = subscribe(
                    h, "aziza", "Border", "border", List.of(ChannelDefinition.teams(webhook.url(), "s3cret")));
            assertThat(h.bean(SubscriptionService.class)
                            .get(s.id(), "aziza")
                            .orElseThrow()
                            .channels())
                    .as("stored with its format")
                    .singleElement()
                    .isInstanceOfSatisfying(
                            Channel.Webhook.class, w -> assertThat(w.teams()).isTrue());
            Article hit = article("Clash [video] on the *border*", "A clash at the border.");
            index.index(List.of(hit));
            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(webhook.received()).hasSize(1);
            String body = webhook.received().getFirst().body();
            assertThat(webhook.received().getFirst().header("X-Outpost-Signature"))
                    .isEqualTo("sha256="
                            + WebhookSender.sign("s3cret", body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            JsonNode message = JSON.readTree(body);
            assertThat(message.path("type").asText()).isEqualTo("message");
            JsonNode attachment = message.path("attachments").get(0);
            assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            JsonNode card = attachment.path("content");
            assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
            assertThat(card.path("version").asText()).isEqualTo("1.4");
            assertThat(card.path("body").get(0).path("text").asText())
                    .isEqualTo("[Outpost] Border: Clash [video] on the *border*");
            assertThat(card.path("body").get(1).path("text").asText())
                    .as("crawled text cannot break the markdown link")
                    .isEqualTo("[Clash \\[video\\] on the \\*border\\*](https://outpost.example/articles/" + hit.id()
                            + ")");
            assertThat(card.path("body").get(2).path("text").asText()).startsWith("Asia-Plus · 20 Nov 2026");
            assertThat(card.path("actions"))
                    .extracting(a -> a.path("url").asText())
                    .containsExactly(
                            "https://outpost.example/alerts?subscription=" + s.id() + "&mute=7d",
                            "https://outpost.example/alerts?subscription=" + s.id());
        }
    }
}
