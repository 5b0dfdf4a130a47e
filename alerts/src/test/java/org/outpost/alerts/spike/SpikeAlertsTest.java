package org.outpost.alerts.spike;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class SpikeAlertsTest extends AlertsTestSupport {

    private static final Instant NOW = Instant.parse("2026-11-20T10:40:00Z");

    @Test
    void aBurstInTheCurrentHourIsAnnouncedOnceWithItsBaselineAndTopArticles() throws Exception {
        clock.set(NOW);
        List<Article> articles = steady(40, 2);
        for (int i = 0; i < 18; i++) {
            articles.add(
                    drugs("Burst " + i + ": heroin laboratory found in Kulob", NOW.minus(Duration.ofMinutes(35 - i))));
        }
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness()) {
            subscribeToTopic(h);
            SpikeAlerts spikes = h.bean(SpikeAlerts.class);
            assertThat(spikes.check()).isEqualTo(1);
            assertThat(spikes.check()).as("cooldown").isZero();
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(mail.getReceivedMessages()).hasSize(1);
            String subject = mail.getReceivedMessages()[0].getSubject();
            assertThat(subject)
                    .startsWith("[Outpost] Spike: 18 articles on topic drug_trafficking in one hour (baseline 2.");
            String body = org.outpost.alerts.MailParts.text(mail.getReceivedMessages()[0]);
            assertThat(body)
                    .contains(
                            "Volume spike for topic drug_trafficking: 18 articles in the hour from 20 Nov 2026, 10:00 UTC")
                    .contains("heroin laboratory found in Kulob");
        }
    }

    @Test
    void steadyVolumeRaisesNoAlert() throws Exception {
        clock.set(NOW);
        List<Article> articles = steady(40, 3);
        index.index(articles);
        index.refresh();
        try (AlertsHarness h = harness()) {
            subscribeToTopic(h);
            assertThat(h.bean(SpikeAlerts.class).check()).isZero();
        }
    }

    private void subscribeToTopic(AlertsHarness h) {
        confirm(h, "aziza", "aziza@example.org");
        h.bean(SubscriptionService.class)
                .create(
                        "aziza",
                        SubscriptionDefinition.builder()
                                .name("Drug trafficking volume")
                                .query("")
                                .topics(Map.of("drug_trafficking", 0.0))
                                .frequency("instant")
                                .channels(List.of(ChannelDefinition.email("aziza@example.org")))
                                .spikeAlerts(true)
                                .paused(false)
                                .build());
    }

    /** {@code perHour} drug articles in each of the {@code hours} hours before the current one. */
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

    private static Article drugs(String title, Instant when) {
        return Article.builder("Asia-Plus", title, title + ". Customs officers reported the case.")
                .url("https://asiaplus.example/" + title.hashCode() + "/" + when.toEpochMilli())
                .publishedAt(when)
                .build()
                .withClassification(Map.of("drug_trafficking", 0.8), List.of("drug_trafficking"), List.of());
    }
}
