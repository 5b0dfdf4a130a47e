package org.outpost.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.delivery.DeliveryDispatcher;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class DigestTest extends AlertsTestSupport {

    /** Berlin leaves CET (UTC+1) for CEST (UTC+2) at 02:00 on Sunday 29 March 2026. */
    @Test
    void aDailyDigestGoesOutAtEightLocalTimeOnBothSidesOfTheDstChangeAndNeverEmpty() throws Exception {
        clock.set(Instant.parse("2026-03-27T12:00:00Z"));
        try (AlertsHarness h = harness()) {
            confirm(h, "aziza", "aziza@example.org");
            Subscription s = h.bean(SubscriptionService.class)
                    .create(
                            "aziza",
                            SubscriptionDefinition.builder()
                                    .name("Morning drugs")
                                    .query("heroin OR opium")
                                    .frequency("daily")
                                    .time("08:00")
                                    .timezone("Europe/Berlin")
                                    .channels(List.of(ChannelDefinition.email("aziza@example.org")))
                                    .spikeAlerts(false)
                                    .paused(false)
                                    .build());
            assertThat(s.nextDigestAt()).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
            DigestScheduler digests = h.bean(DigestScheduler.class);

            h.indexed(article("Heroin seized in Khorog", "Guards seized heroin."), ArticleIndexed.Change.NEW);
            h.indexed(article("Opium fields destroyed", "Police destroyed opium fields."), ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(mail.getReceivedMessages())
                    .as("digest subscriptions send nothing on a match")
                    .isEmpty();

            clock.set(Instant.parse("2026-03-28T06:59:59Z"));
            assertThat(digests.sendDue()).isZero();
            clock.set(Instant.parse("2026-03-28T07:00:00Z")); // 08:00 CET
            assertThat(digests.sendDue()).isEqualTo(1);
            assertThat(digests.sendDue()).as("claimed: not twice").isZero();
            h.bean(DeliveryDispatcher.class).dispatchDue();
            MimeMessage first = mail.getReceivedMessages()[0];
            assertThat(first.getSubject()).isEqualTo("[Outpost] daily digest: 2 new articles for Morning drugs");

            h.indexed(article("Opium trade routes shift", "Opium routes moved west."), ArticleIndexed.Change.NEW);
            clock.set(Instant.parse("2026-03-29T05:59:59Z")); // 07:59:59 CEST
            assertThat(digests.sendDue()).isZero();
            clock.set(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST
            assertThat(digests.sendDue()).isEqualTo(1);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(mail.getReceivedMessages()[1].getSubject())
                    .isEqualTo("[Outpost] daily digest: 1 new article for Morning drugs");

            clock.set(Instant.parse("2026-03-30T06:00:00Z"));
            assertThat(digests.sendDue()).as("nothing new: no digest").isZero();
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(mail.getReceivedMessages()).hasSize(2);
            assertThat(h.bean(SubscriptionService.class)
                            .get(s.id(), "aziza")
                            .orElseThrow()
                            .nextDigestAt())
                    .isEqualTo(Instant.parse("2026-03-31T06:00:00Z"));
        }
    }
}
