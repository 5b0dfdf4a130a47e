package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class InstantDeliveryTest extends AlertsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMatchingArticleReachesEmailWebhookAndInAppWithinFiveSeconds() throws Exception {
        try (AlertsHarness h = harness(
                Map.of("outpost.alerts.scheduler", "true", "outpost.alerts.dispatch-interval", "1s"),
                java.time.Clock.systemUTC())) {
            Subscription s = subscribeConfirmed(
                    h,
                    "aziza",
                    "Border incidents",
                    "border AND (clash OR shooting)",
                    List.of(
                            ChannelDefinition.email("aziza@example.org"),
                            ChannelDefinition.webhook(webhook.url(), "s3cret", false),
                            ChannelDefinition.inApp()));
            Article hit = withTopics(
                    article(
                            "Shooting on the Kyrgyz-Tajik border <script>x()</script>",
                            "Guards reported a clash at the border near Vorukh on Tuesday."),
                    Map.of("border_conflicts", 0.8));
            Article miss = article("Cotton harvest", "The harvest in the Fergana valley was good this year.");
            index.index(List.of(hit, miss));

            long start = System.nanoTime();
            h.indexed(miss, ArticleIndexed.Change.NEW);
            h.indexed(hit, ArticleIndexed.Change.NEW);
            // generous wait for the arrival (a loaded machine); the 5 s are checked on the log's own clock below
            assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
            while (webhook.received().isEmpty() && System.nanoTime() - start < 30_000_000_000L) {
                Thread.sleep(50);
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            // a sender marks its delivery SENT just after the receiver has it: wait for the marks as well
            while (h.bean(NotificationService.class).log("aziza", s.id(), null, 10).stream()
                            .anyMatch(d -> d.status() != DeliveryStatus.SENT)
                    && System.nanoTime() - start < 30_000_000_000L) {
                Thread.sleep(50);
            }
            assertThat(webhook.received()).hasSize(1);
            assertThat(h.bean(NotificationService.class).unread("aziza")).isEqualTo(1);
            assertThat(h.bean(NotificationService.class).unread("someone-else")).isZero();

            MimeMessage email = mail.getReceivedMessages()[0];
            assertThat(email.getAllRecipients()[0].toString()).isEqualTo("aziza@example.org");
            assertThat(email.getSubject())
                    .startsWith("[Outpost] Border incidents: Shooting on the Kyrgyz-Tajik border");
            Map<String, String> parts = MailParts.of(email);
            assertThat(parts.get("text/plain"))
                    .contains("https://outpost.example/articles/" + hit.id())
                    .contains("Original: " + hit.url())
                    .contains("Mute it for a week: https://outpost.example/alerts?subscription=" + s.id() + "&mute=7d");
            assertThat(parts.get("text/html"))
                    .contains("&lt;script&gt;x()&lt;/script&gt;")
                    .doesNotContain("<script>")
                    .contains("href=\"https://outpost.example/articles/" + hit.id() + "\"");
            assertThat(email.getHeader("List-Unsubscribe")[0]).contains("/alerts?subscription=" + s.id());

            WebhookReceiverRequest post =
                    new WebhookReceiverRequest(webhook.received().getFirst());
            assertThat(post.signature())
                    .isEqualTo(
                            "sha256=" + WebhookSender.sign("s3cret", post.body().getBytes(StandardCharsets.UTF_8)));
            JsonNode body = JSON.readTree(post.body());
            assertThat(body.path("kind").asText()).isEqualTo("instant");
            assertThat(body.path("subscription").path("name").asText()).isEqualTo("Border incidents");
            JsonNode first = body.path("articles").get(0);
            assertThat(first.path("id").asText()).isEqualTo(hit.id());
            assertThat(first.path("url").asText()).isEqualTo(hit.url());
            assertThat(first.path("topics").get(0).asText()).isEqualTo("border_conflicts");
            assertThat(first.path("outpost_url").asText()).isEqualTo("https://outpost.example/articles/" + hit.id());

            List<Delivery> log = h.bean(NotificationService.class).log("aziza", s.id(), null, 10);
            assertThat(log).hasSize(3).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(java.time.Duration.between(d.createdAt(), d.sentAt()))
                        .as(d.channel() + " within 5 s of the match")
                        .isLessThanOrEqualTo(java.time.Duration.ofSeconds(5));
                assertThat(d.stories()).extracting(Story::articleId).containsExactly(hit.id());
            });
            System.out.printf(
                    "instant delivery: email, webhook and in-app within %d ms of the indexed event%n", elapsedMs);
        }
    }

    @Test
    void copiesAndChangedReindexesOfADeliveredStoryAreNotDeliveredAgain() throws Exception {
        try (AlertsHarness h = harness()) {
            subscribeConfirmed(h, "aziza", "Drugs", "heroin", List.of(ChannelDefinition.email("aziza@example.org")));
            Article original = article("Heroin seized in Khorog", "Border guards seized 40 kg of heroin near Khorog.");
            Article copy = Article.builder("Other wire", original.title(), original.body())
                    .url("https://other.example/heroin")
                    .publishedAt(clock.instant())
                    .build()
                    .withDuplicateOf(original.id());
            Article changed = Article.builder("Asia-Plus", original.title(), original.body() + " Updated with a photo.")
                    .url(original.url())
                    .publishedAt(clock.instant())
                    .build();
            assertThat(changed.id()).isEqualTo(original.id());

            h.indexed(original, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            h.indexed(copy, ArticleIndexed.Change.DUPLICATE);
            h.indexed(changed, ArticleIndexed.Change.UPDATED);
            h.indexed(original, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(h.jdbc()
                            .sql("select count(*) from alert_delivery")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void anArticlePublishedAgainAfterACrashIsDeliveredOnceWhetherOrNotItsFirstPublicationCommitted() throws Exception {
        try (AlertsHarness h = harness()) {
            subscribeConfirmed(h, "aziza", "Drugs", "heroin", List.of(ChannelDefinition.email("aziza@example.org")));
            Article heard = article("Heroin seized in Khorog", "Border guards seized 40 kg of heroin near Khorog.");
            Article lost = article("Heroin lab found", "Police found a heroin laboratory in Khatlon.");

            h.indexed(heard, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            // the app died after the bulk request that indexed both, before the transaction that publishes "lost"
            // committed (Elasticsearch and the database do not commit together); both pages are fetched again,
            // found unchanged in the index, and published again
            h.indexed(heard, ArticleIndexed.Change.UNCHANGED);
            h.indexed(lost, ArticleIndexed.Change.UNCHANGED);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(h.jdbc()
                            .sql("select count(*) from alert_delivery")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        }
    }

    @Test
    void aBurstOfMatchesIsGroupedIntoOneMessageAfterTheThreshold() throws Exception {
        try (AlertsHarness h =
                harness(Map.of("outpost.alerts.storm-threshold", "3", "outpost.alerts.storm-window", "2m"))) {
            subscribeConfirmed(
                    h, "aziza", "Extremism", "extremist", List.of(ChannelDefinition.email("aziza@example.org")));
            List<Article> burst = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                burst.add(article(
                        "Extremist cell number " + i + " detained",
                        "Police detained an extremist cell, case " + i + "."));
            }
            for (Article a : burst) {
                h.indexed(a, ArticleIndexed.Change.NEW);
                h.bean(DeliveryDispatcher.class).dispatchDue();
            }
            assertThat(mail.getReceivedMessages())
                    .as("first three one by one, the rest held")
                    .hasSize(3);

            clock.advance(Duration.ofMinutes(2).plusSeconds(1));
            h.bean(DeliveryDispatcher.class).dispatchDue();
            MimeMessage[] all = mail.getReceivedMessages();
            assertThat(all).hasSize(4);
            String grouped = MailParts.of(all[3]).get("text/plain");
            assertThat(all[3].getSubject()).isEqualTo("[Outpost] Several new matches for Extremism");
            for (int i = 3; i < 8; i++) {
                assertThat(grouped).contains("Extremist cell number " + i + " detained");
            }
            assertThat(grouped).doesNotContain("number 0 detained");
        }
    }

    private record WebhookReceiverRequest(org.outpost.alerts.WebhookReceiver.Request request) {
        String signature() {
            return request.header("X-Outpost-Signature");
        }

        String body() {
            return request.body();
        }
    }
}
