package org.outpost.alerts.spike;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.InvalidSubscriptionException;
import org.outpost.alerts.subscription.SpikeSensitivity;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class SpikeAlertsTest extends AlertsTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-20T10:40:00Z");
    /** A week and a day of history: every baseline window of the balanced preset has its articles. */
    private static final int HISTORY_HOURS = 8 * 24 + 2;

    @Test
    void aBurstIsAnnouncedOnceNamingTheComparisonUsedAndTheArticlesDrivingIt() throws Exception {
        clock.set(NOW);
        List<Article> articles = steady(HISTORY_HOURS, 2);
        articles.addAll(burst(NOW.minus(Duration.ofMinutes(35)), 18));
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness()) {
            subscribeToTopic(h, null);
            SpikeAlerts spikes = h.bean(SpikeAlerts.class);
            assertThat(spikes.check()).isEqualTo(1);
            assertThat(spikes.check()).as("the same surge, checked again").isZero();
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(mail.getReceivedMessages()).hasSize(1);
            // the last hour (09:40-10:40) holds the 18 of the burst and the 2 of 09:40: against 2 in that hour of each
            // day
            assertThat(mail.getReceivedMessages()[0].getSubject())
                    .isEqualTo("[Outpost] Spike: 20 articles on topic drug_trafficking in the hour (baseline 2.0)");
            String body = MailParts.text(mail.getReceivedMessages()[0]);
            assertThat(body)
                    .contains(
                            "Volume spike for topic drug_trafficking: 20 articles in the hour from 20 Nov 2026, 09:40 UTC,"
                                    + " 10.0× the baseline of 2.0")
                    .contains(
                            "Compared with the “balanced” sensitivity: the last hour against the same hour on each of the"
                                    + " 7 days before; a spike needs at least 5 articles, 3.0× the baseline and z above 3.0.")
                    .contains("heroin laboratory found in Kulob")
                    .as("a topic is nowhere on the map")
                    .doesNotContain("On the map", "at=");
        }
    }

    @Test
    void aRussianReaderIsToldTheNumbersAndTheComparisonInRussian() throws Exception {
        clock.set(NOW);
        List<Article> articles = steady(HISTORY_HOURS, 2);
        articles.addAll(burst(NOW.minus(Duration.ofMinutes(35)), 18));
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness(owner -> java.util.Locale.forLanguageTag("ru"))) {
            subscribeToTopic(h, null);
            assertThat(h.bean(SpikeAlerts.class).check()).isEqualTo(1);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            MimeMessage m = mail.getReceivedMessages()[0];
            assertThat(m.getSubject())
                    .isEqualTo("[Outpost] Всплеск: 20 статей по теме «Наркотрафик» за час (обычно 2,0)");
            assertThat(MailParts.text(m))
                    .contains("Всплеск публикаций по теме «Наркотрафик»: 20 статей за час с 20 ноября 2026, 09:40 UTC,"
                            + " в 10,0 раза выше обычного уровня 2,0")
                    .contains("Сравнение при чувствительности «сбалансированно»: последний час с тем же часом каждого"
                            + " из 7 предыдущих дней");
        }
    }

    @Test
    void steadyVolumeRaisesNoAlert() throws Exception {
        clock.set(NOW);
        index.index(steady(HISTORY_HOURS, 3));
        index.refresh();
        try (AlertsHarness h = harness()) {
            subscribeToTopic(h, "more");
            assertThat(h.bean(SpikeAlerts.class).check()).isZero();
        }
    }

    @Test
    void aFewArticlesOnASubjectThatHadNoneAreNoSpike() throws Exception {
        clock.set(NOW);
        index.index(burst(NOW.minus(Duration.ofMinutes(30)), 4));
        index.refresh();
        try (AlertsHarness h = harness()) {
            Subscription s = subscribeToTopic(h, "balanced");
            SpikeAlerts spikes = h.bean(SpikeAlerts.class);
            Comparison c = spikes.compare(s, SpikeAlerts.scopes(s).getFirst(), NOW);
            assertThat(c.count()).isEqualTo(4);
            assertThat(c.baseline()).isZero();
            assertThat(spikes.check())
                    .as("4 articles from nothing, under balanced's minimum of 5")
                    .isZero();
        }
    }

    @Test
    void aSurgeThatGoesOnIsReportedOnceThenOngoingOncePerCooldownThenBackToNormal() throws Exception {
        clock.set(NOW);
        List<Article> articles = steady(HISTORY_HOURS, 2);
        // 20 an hour from 09:45 to 17:45, then the usual 2
        for (int hour = 0; hour < 8; hour++) {
            articles.addAll(burst(NOW.minus(Duration.ofMinutes(55)).plus(Duration.ofHours(hour)), 20));
        }
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness()) {
            subscribeToTopic(h, null);
            SpikeAlerts spikes = h.bean(SpikeAlerts.class);
            assertThat(spikes.check()).as("10:40 starts").isEqualTo(1);
            clock.set(NOW.plus(Duration.ofHours(1)));
            assertThat(spikes.check()).as("11:40 within the cool-down").isZero();
            clock.set(NOW.plus(Duration.ofHours(5)));
            assertThat(spikes.check()).as("15:40 within the cool-down").isZero();
            clock.set(NOW.plus(Duration.ofHours(6)));
            assertThat(spikes.check()).as("16:40 a cool-down later: one update").isEqualTo(1);
            clock.set(NOW.plus(Duration.ofHours(7)));
            assertThat(spikes.check()).as("17:40 within the new cool-down").isZero();
            clock.set(NOW.plus(Duration.ofHours(9)));
            assertThat(spikes.check()).as("19:40 the last hour is usual again").isEqualTo(1);
            assertThat(spikes.check()).as("over, said once").isZero();
            h.bean(DeliveryDispatcher.class).dispatchDue();

            List<String> subjects = Arrays.stream(mail.getReceivedMessages())
                    .map(MailParts::subject)
                    .toList();
            assertThat(subjects)
                    .containsExactlyInAnyOrder(
                            // the first hour also holds the usual 2 of 09:40 and 09:41
                            "[Outpost] Spike: 22 articles on topic drug_trafficking in the hour (baseline 2.0)",
                            "[Outpost] Spike ongoing: 20 articles on topic drug_trafficking in the hour (baseline 2.0)",
                            "[Outpost] Back to normal: topic drug_trafficking, 0 articles in the hour (baseline 2.0)");
            String ended = bodyOf("Back to normal");
            assertThat(ended).contains("(spike since 20 Nov 2026, 10:40 UTC)");
        }
    }

    @Test
    void turningSpikeAlertsOffForgetsASurgeSoTurningThemOnAgainStartsAfresh() throws Exception {
        clock.set(NOW);
        List<Article> articles = steady(HISTORY_HOURS, 2);
        articles.addAll(burst(NOW.minus(Duration.ofMinutes(35)), 18));
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness()) {
            Subscription s = subscribeToTopic(h, null);
            SpikeAlerts spikes = h.bean(SpikeAlerts.class);
            SubscriptionService service = h.bean(SubscriptionService.class);
            assertThat(spikes.check()).isEqualTo(1);
            service.update(
                    s.id(),
                    "aziza",
                    s.toDefinition().toBuilder().spikeAlerts(false).build());
            assertThat(spikes.check()).isZero();
            clock.set(NOW.plus(Duration.ofMinutes(5)));
            service.update(s.id(), "aziza", s.toDefinition());
            assertThat(spikes.check())
                    .as("the same surge, with its state forgotten, is a new start, not an update or an end")
                    .isEqualTo(1);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(Arrays.stream(mail.getReceivedMessages()).map(MailParts::subject))
                    .allMatch(subject -> subject.startsWith("[Outpost] Spike: "));
        }
    }

    @Test
    void spikesByEntityCompareEachEntityOfTheFilterOnItsOwn() throws Exception {
        clock.set(NOW);
        List<Article> articles = new ArrayList<>();
        for (int hour = 1; hour <= HISTORY_HOURS; hour++) {
            for (int i = 0; i < 3; i++) {
                articles.add(mention(
                        "CSTO statement " + hour + "-" + i,
                        "org:CSTO",
                        NOW.minus(Duration.ofHours(hour)).plusSeconds(60L * i + 1200)));
            }
        }
        for (int i = 0; i < 12; i++) {
            articles.add(mention("Shooting near Vorukh " + i, "place:Vorukh", NOW.minus(Duration.ofMinutes(30 - i))));
        }
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness()) {
            confirm(h, "aziza", "aziza@example.org");
            Subscription s = h.bean(SubscriptionService.class)
                    .create(
                            "aziza",
                            SubscriptionDefinition.builder()
                                    .name("Border watch")
                                    .query("")
                                    .entities(List.of("place:Vorukh", "org:CSTO"))
                                    .channels(List.of(ChannelDefinition.email("aziza@example.org")))
                                    .spikeAlerts(true)
                                    .spikeSensitivity("balanced")
                                    .spikeByEntity(true)
                                    .build());
            assertThat(s.spikeByEntity()).isTrue();
            SpikeAlerts spikes = h.bean(SpikeAlerts.class);
            assertThat(spikes.check()).as("Vorukh surges, CSTO is as usual").isEqualTo(1);
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(mail.getReceivedMessages()[0].getSubject())
                    .isEqualTo("[Outpost] Spike: 12 articles on mentions of Vorukh in the hour (baseline 0.0)");
            assertThat(MailParts.text(mail.getReceivedMessages()[0]))
                    .contains("Shooting near Vorukh")
                    .contains("On the map: https://outpost.example/?range=24h&at=place%3AVorukh")
                    .doesNotContain("CSTO statement");
            assertThat(MailParts.of(mail.getReceivedMessages()[0]).get("text/html"))
                    .contains(
                            "<a href=\"https://outpost.example/?range=24h&amp;at=place%3AVorukh\">Show on the map</a>");
        }
    }

    @Test
    void theFewerPresetComparesTheLastDayWithTheFourteenBefore() throws Exception {
        clock.set(NOW);
        List<Article> articles = steady(15 * 24, 1); // 24 a day
        for (int hour = 0; hour < 20; hour++) {
            articles.addAll(burst(NOW.minus(Duration.ofHours(hour)).minus(Duration.ofMinutes(10)), 3));
        }
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness()) {
            Subscription s = subscribeToTopic(h, "fewer");
            assertThat(s.spikeSensitivity()).isEqualTo(SpikeSensitivity.FEWER);
            Comparison c =
                    h.bean(SpikeAlerts.class).compare(s, SpikeAlerts.scopes(s).getFirst(), NOW);
            assertThat(c.count()).isEqualTo(24 + 60);
            assertThat(c.baseline()).isEqualTo(24.0);
            assertThat(c.isSpike()).as("84 against 24 a day: 3.5× and z ≈ 12").isTrue();
        }
    }

    @Test
    void theSensitivityIsStoredAndAnUnknownOneIsRefusedNamingTheField() throws Exception {
        clock.set(NOW);
        try (AlertsHarness h = harness()) {
            Subscription s = subscribeToTopic(h, "more");
            assertThat(s.toDefinition().spikeSensitivity()).isEqualTo("more");
            assertThat(h.bean(SubscriptionService.class).list("aziza"))
                    .extracting(Subscription::spikeSensitivity)
                    .containsExactly(SpikeSensitivity.MORE);
            assertThatThrownBy(() -> SubscriptionDefinition.builder()
                            .name("x")
                            .query("heroin")
                            .channels(List.of(ChannelDefinition.inApp()))
                            .spikeAlerts(true)
                            .spikeSensitivity("loud")
                            .build()
                            .validate())
                    .isInstanceOfSatisfying(
                            InvalidSubscriptionException.class,
                            e -> assertThat(e.field()).isEqualTo("spikeSensitivity"));
            assertThatThrownBy(() -> SubscriptionDefinition.builder()
                            .name("x")
                            .query("heroin")
                            .channels(List.of(ChannelDefinition.inApp()))
                            .spikeAlerts(true)
                            .spikeByEntity(true)
                            .build()
                            .validate())
                    .isInstanceOfSatisfying(
                            InvalidSubscriptionException.class,
                            e -> assertThat(e.field()).isEqualTo("spikeByEntity"));
        }
    }

    private String bodyOf(String subjectPart) throws Exception {
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getSubject().contains(subjectPart)) {
                return MailParts.text(m);
            }
        }
        throw new AssertionError("no message about " + subjectPart);
    }

    private Subscription subscribeToTopic(AlertsHarness h, String sensitivity) {
        confirm(h, "aziza", "aziza@example.org");
        return h.bean(SubscriptionService.class)
                .create(
                        "aziza",
                        SubscriptionDefinition.builder()
                                .name("Drug trafficking volume")
                                .query("")
                                .topics(Map.of("drug_trafficking", 0.0))
                                .frequency("instant")
                                .channels(List.of(ChannelDefinition.email("aziza@example.org")))
                                .spikeAlerts(true)
                                .spikeSensitivity(sensitivity)
                                .paused(false)
                                .build());
    }

    /** {@code perHour} drug articles in each of the {@code hours} hours before the current one, from its minute 40. */
    private List<Article> steady(int hours, int perHour) {
        List<Article> out = new ArrayList<>();
        for (int h = 1; h <= hours; h++) {
            for (int i = 0; i < perHour; i++) {
                out.add(drugs(
                        "Routine seizure " + h + "-" + i + " of opium",
                        NOW.minus(Duration.ofHours(h)).plusSeconds(60L * i)));
            }
        }
        return out;
    }

    /** {@code count} articles a minute apart from {@code from}. */
    private static List<Article> burst(Instant from, int count) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(drugs("Burst " + from + "-" + i + ": heroin laboratory found in Kulob", from.plusSeconds(60L * i)));
        }
        return out;
    }

    private static Article drugs(String title, Instant when) {
        return Article.builder("Asia-Plus", title, title + ". Customs officers reported the case.")
                .url("https://asiaplus.example/" + title.hashCode() + "/" + when.toEpochMilli())
                .publishedAt(when)
                .build()
                .withClassification(Map.of("drug_trafficking", 0.8), List.of("drug_trafficking"), List.of());
    }

    private static Article mention(String title, String entity, Instant when) {
        return Article.builder("Asia-Plus", title, title + ". Officials commented.")
                .url("https://asiaplus.example/" + title.hashCode() + "/" + when.toEpochMilli())
                .publishedAt(when)
                .build()
                .withClassification(Map.of(), List.of(), List.of(entity));
    }
}
