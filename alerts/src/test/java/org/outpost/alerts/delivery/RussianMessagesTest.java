package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;

/** Alerts are written in their owner's language; another user's stay English. */
class RussianMessagesTest extends AlertsTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReaderLanguages DILNOZA_READS_RUSSIAN =
            user -> user.equals("dilnoza") ? Locale.forLanguageTag("ru-RU") : Locale.ENGLISH;
    private static final String TITLE = "Пограничники Таджикистана задержали нарушителя с 40 кг героина";

    @Test
    void aRussianReadersAlertEmailIsRussianInSubjectAndBodyAndEncodedAsUtf8() throws Exception {
        try (AlertsHarness h = harness(DILNOZA_READS_RUSSIAN)) {
            Subscription s = subscribeConfirmed(
                    h,
                    "dilnoza",
                    "Героин",
                    "героина",
                    List.of(
                            ChannelDefinition.email("dilnoza@example.org"),
                            ChannelDefinition.webhook(webhook.url(), null, false),
                            ChannelDefinition.inApp()));
            Article hit = withTopics(
                    russian(
                            TITLE,
                            "Душанбе, 20 ноя — Пограничники задержали на границе с Афганистаном"
                                    + " нарушителя с 40 кг героина."),
                    Map.of("drug_trafficking", 0.9));
            index.index(List.of(hit));

            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            MimeMessage email = mail.getReceivedMessages()[0];
            assertThat(email.getSubject()).isEqualTo("[Outpost] Героин: " + TITLE);
            // the raw header is RFC 2047 UTF-8, so any mail client decodes the Cyrillic
            String rawSubject = email.getHeader("Subject")[0];
            assertThat(rawSubject).startsWith("=?UTF-8?").doesNotContain("Героин");
            assertThat(MimeUtility.decodeText(MimeUtility.unfold(rawSubject))).isEqualTo(email.getSubject());

            Map<String, String> parts = MailParts.of(email);
            assertThat(parts.get("text/plain"))
                    .contains(TITLE)
                    .contains("20 ноября 2026, 10:00 UTC")
                    .contains("В Outpost: https://outpost.example/articles/" + hit.id())
                    .contains("Оригинал: " + hit.url())
                    .contains("Вы получили это письмо по своей подписке Outpost «Героин».")
                    .contains("Отключить на неделю: https://outpost.example/alerts?subscription=" + s.id() + "&mute=7d")
                    .doesNotContain("Mute", "Original:", "In Outpost");
            assertThat(parts.get("text/html"))
                    .contains("lang=\"ru\"")
                    .contains(TITLE)
                    .contains("Наркотрафик")
                    .contains(">Отключить на неделю</a>")
                    .contains(">Настроить или отписаться</a>")
                    .contains(">оригинал</a>")
                    .doesNotContain("drug_trafficking");
            assertThat(rawParts(email))
                    .contains("charset=UTF-8")
                    .doesNotContain("charset=KOI8")
                    .doesNotContain("???");

            // webhook: field names stay as they are, what a person reads is Russian
            JsonNode body = JSON.readTree(webhook.received().getFirst().body());
            JsonNode first = body.path("articles").get(0);
            assertThat(first.path("title").asText()).isEqualTo(TITLE);
            assertThat(first.path("topics").get(0).asText()).isEqualTo("drug_trafficking");
            assertThat(first.path("topic_names").get(0).asText()).isEqualTo("Наркотрафик");

            assertThat(h.bean(NotificationService.class).inbox("dilnoza", 10))
                    .singleElement()
                    .satisfies(d -> assertThat(d.title()).isEqualTo(TITLE));
        }
    }

    @Test
    void digestAndSpikeTitlesAreWrittenInTheOwnersLanguageWithRussianPluralsAndNumbers() throws Exception {
        try (AlertsHarness h = harness(DILNOZA_READS_RUSSIAN)) {
            Subscription ru = daily(h, "dilnoza", "Наркотики");
            Subscription en = daily(h, "aziza", "Drugs");
            Article one = russian(TITLE, "Пограничники задержали нарушителя с 40 кг героина.");
            Article two =
                    russian("В Хатлоне изъяли 12 кг опия", "Сотрудники АКН изъяли 12 кг опия в Хатлонской области.");
            index.index(List.of(one, two));
            DeliveryPlanner planner = h.bean(DeliveryPlanner.class);

            planner.digest(ru, List.of(Story.of(one), Story.of(two)), clock.instant());
            planner.digest(en, List.of(Story.of(one), Story.of(two)), clock.instant());
            planner.spike(
                    ru,
                    new SpikeDetail(
                            "topic drug_trafficking",
                            clock.instant().minus(Duration.ofHours(1)),
                            "hour",
                            21,
                            2.14,
                            5.3,
                            List.of(Story.of(one))),
                    "spike:test",
                    clock.instant());
            h.bean(DeliveryDispatcher.class).dispatchDue();

            Map<String, MimeMessage> bySubject = new java.util.HashMap<>();
            for (MimeMessage m : mail.getReceivedMessages()) {
                bySubject.put(m.getSubject(), m);
            }
            assertThat(bySubject.keySet())
                    .containsExactlyInAnyOrder(
                            "[Outpost] Ежедневная сводка: 2 новые статьи по подписке «Наркотики»",
                            "[Outpost] daily digest: 2 new articles for Drugs",
                            "[Outpost] Всплеск: 21 статья по теме «Наркотрафик» за час (обычно 2,1)");
            String spikeText = MailParts.text(
                    bySubject.get("[Outpost] Всплеск: 21 статья по теме «Наркотрафик» за час (обычно 2,1)"));
            assertThat(spikeText)
                    .contains("Всплеск публикаций по теме «Наркотрафик»: 21 статья за час с 20 ноября 2026, 09:00 UTC"
                            + " при обычном уровне 2,1 (z = 5,3).")
                    .contains("Главные статьи:")
                    .contains(TITLE);
        }
    }

    @Test
    void whyADeliveryFailedIsLoggedInTheOwnersLanguage() throws Exception {
        try (AlertsHarness h = harness(DILNOZA_READS_RUSSIAN)) {
            Subscription s = subscribeConfirmed(
                    h, "dilnoza", "Вебхук", "героина", List.of(ChannelDefinition.webhook(webhook.url(), null, false)));
            webhook.answer(503);
            Article hit = russian(TITLE, "Пограничники задержали нарушителя с 40 кг героина.");
            index.index(List.of(hit));
            h.indexed(hit, ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            Delivery failing = h.bean(NotificationService.class)
                    .log("dilnoza", s.id(), null, 5)
                    .getFirst();
            assertThat(failing.lastError()).isEqualTo("вебхук ответил HTTP 503: receiver is down");
        }
    }

    private Subscription daily(AlertsHarness h, String owner, String name) {
        confirm(h, owner, owner + "@example.org");
        return h.bean(SubscriptionService.class)
                .create(
                        owner,
                        SubscriptionDefinition.builder()
                                .name(name)
                                .query("героина")
                                .frequency("daily")
                                .time("08:00")
                                .timezone("UTC")
                                .channels(List.of(ChannelDefinition.email(owner + "@example.org")))
                                .spikeAlerts(false)
                                .paused(false)
                                .build());
    }

    private Article russian(String title, String body) {
        return Article.builder("Asia-Plus", title, body)
                .url("https://asiaplus.example/ru/" + UUID.randomUUID())
                .publishedAt(clock.instant())
                .language("ru")
                .build();
    }

    private static String rawParts(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
