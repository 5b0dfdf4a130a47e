package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.FakeBotApi;
import org.outpost.alerts.digest.DigestScheduler;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class TelegramDeliveryTest extends AlertsTestSupport {

    private final FakeBotApi bot = new FakeBotApi(clock);

    @AfterEach
    void stopBot() {
        bot.close();
    }

    private AlertsHarness telegramHarness(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "outpost.alerts.telegram.bot-token",
                FakeBotApi.TOKEN,
                "outpost.alerts.telegram.api-url",
                bot.url(),
                // the harness's clock stands still: pacing would make each message wait longer than the last
                "outpost.alerts.telegram.chat-interval",
                "0s",
                "outpost.alerts.telegram.group-interval",
                "0s"));
        p.putAll(more);
        return harness(p);
    }

    @Test
    void aMatchReachesItsChatAsOneTelegramMessageWithTitleSourceTimeAndLinks() throws Exception {
        try (AlertsHarness h = telegramHarness(Map.of())) {
            Subscription s = subscribe(
                    h, "aziza", "Border <incidents>", "border", List.of(ChannelDefinition.telegram("-1001234567890")));
            Article hit = article("Shooting & shelling on the border <script>x()</script>", "A clash at the border.");
            index.index(List.of(hit));
            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(bot.refused()).isEmpty();
            assertThat(bot.sent()).hasSize(1);
            FakeBotApi.Sent sent = bot.sent().getFirst();
            assertThat(sent.body().path("chat_id").asLong()).isEqualTo(-1001234567890L);
            assertThat(sent.body()
                            .path("link_preview_options")
                            .path("is_disabled")
                            .asBoolean())
                    .isTrue();
            assertThat(sent.text())
                    .contains("<b>Outpost · Border &lt;incidents&gt;</b>")
                    .contains("<a href=\"https://outpost.example/articles/" + hit.id() + "\">"
                            + "Shooting &amp; shelling on the border &lt;script&gt;x()&lt;/script&gt;</a>")
                    .contains("Asia-Plus · 20 Nov 2026")
                    .contains("<a href=\"" + hit.url() + "\">original</a>")
                    .contains("/alerts?subscription=" + s.id() + "&amp;mute=7d")
                    .doesNotContain("<script>");
            assertThat(h.bean(NotificationService.class).log("aziza", s.id(), null, 10))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
                        assertThat(d.channel()).isEqualTo("telegram:-1001234567890");
                    });
        }
    }

    @Test
    void aDigestTooLongForOneMessageGoesAsAFewEachWithinTelegramsLimitAndNamesWhatDidNotFit() throws Exception {
        try (AlertsHarness h = telegramHarness(Map.of("outpost.alerts.telegram.max-parts", "3"))) {
            Subscription s = h.bean(SubscriptionService.class)
                    .create(
                            "aziza",
                            SubscriptionDefinition.builder()
                                    .name("Everything on heroin")
                                    .query("heroin")
                                    .frequency("daily")
                                    .time("08:00")
                                    .timezone("UTC")
                                    .channels(List.of(ChannelDefinition.telegram("42")))
                                    .spikeAlerts(false)
                                    .paused(false)
                                    .build());
            List<Article> articles = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                articles.add(article(
                        "Heroin seizure number " + i + " near Khorog: " + "border guards report ".repeat(12),
                        "Guards seized heroin."));
            }
            index.index(articles);
            articles.forEach(a -> h.indexed(a, ArticleIndexed.Change.NEW));
            clock.set(Instant.parse("2026-11-21T08:00:00Z"));
            assertThat(h.bean(DigestScheduler.class).sendDue()).isEqualTo(1);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(bot.refused()).as("every part is one Telegram takes").isEmpty();
            List<FakeBotApi.Sent> parts = bot.sent();
            assertThat(parts).hasSize(3);
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.text().length()).isLessThanOrEqualTo(4096);
                assertThat(p.chatId()).isEqualTo("42");
            });
            assertThat(parts.get(0).text()).startsWith("(1/3) <b>Outpost · Everything on heroin</b>");
            assertThat(parts.get(1).text()).startsWith("(2/3) ");
            String all =
                    String.join("\n", parts.stream().map(FakeBotApi.Sent::text).toList());
            int shown = (int) articles.stream()
                    .filter(a -> all.contains("/articles/" + a.id() + "\""))
                    .count();
            assertThat(shown).isBetween(5, 39);
            assertThat(parts.get(2).text())
                    .contains("… and " + (40 - shown) + " more articles:")
                    .contains("/alerts?subscription=" + s.id());
            assertThat(h.bean(NotificationService.class).log("aziza", s.id(), null, 10))
                    .singleElement()
                    .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
        }
    }

    @Test
    void aLongRetryAfterPutsTheDeliveryBackUntilThenWithoutCountingAFailedAttempt() throws Exception {
        try (AlertsHarness h = telegramHarness(Map.of())) {
            Subscription s = subscribe(h, "aziza", "Border", "border", List.of(ChannelDefinition.telegram("42")));
            bot.queue(FakeBotApi.Answer.tooManyRequests(35));
            Article hit = article("Clash on the border", "A clash at the border.");
            index.index(List.of(hit));
            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            Delivery waiting = h.bean(NotificationService.class)
                    .log("aziza", s.id(), null, 10)
                    .getFirst();
            assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(waiting.attempts()).isZero();
            assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(35));
            assertThat(waiting.lastError()).contains("35 s");

            clock.advance(Duration.ofSeconds(34));
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(bot.calls()).as("not before Telegram's time").isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(bot.sent()).hasSize(1);
            assertThat(h.bean(NotificationService.class)
                            .log("aziza", s.id(), null, 10)
                            .getFirst()
                            .status())
                    .isEqualTo(DeliveryStatus.SENT);
        }
    }

    @Test
    void withoutABotTokenTelegramDeliveriesFailSayingSoAndAreRetried() throws Exception {
        try (AlertsHarness h = harness()) {
            Subscription s = subscribe(h, "aziza", "Border", "border", List.of(ChannelDefinition.telegram("42")));
            Article hit = article("Clash on the border", "A clash at the border.");
            index.index(List.of(hit));
            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            Delivery d = h.bean(NotificationService.class)
                    .log("aziza", s.id(), null, 10)
                    .getFirst();
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).contains("Telegram is not configured");
            assertThat(bot.calls()).isZero();
        }
    }

    @Test
    void aRefusalIsLoggedWithTelegramsReasonAndNeverTheToken() throws Exception {
        try (AlertsHarness h = telegramHarness(Map.of())) {
            Subscription s = subscribe(h, "aziza", "Border", "border", List.of(ChannelDefinition.telegram("42")));
            bot.queue(FakeBotApi.Answer.chatNotFound());
            Article hit = article("Clash on the border", "A clash at the border.");
            index.index(List.of(hit));
            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            Delivery d = h.bean(NotificationService.class)
                    .log("aziza", s.id(), null, 10)
                    .getFirst();
            assertThat(d.lastError())
                    .isEqualTo("Telegram answered HTTP 400: Bad Request: chat not found")
                    .doesNotContain(FakeBotApi.TOKEN);
        }
    }
}
