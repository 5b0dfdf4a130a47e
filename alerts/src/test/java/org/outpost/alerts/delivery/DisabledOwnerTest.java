package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class DisabledOwnerTest extends AlertsTestSupport {

    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    @Test
    void aDisabledOwnersSubscriptionsAreNotMatchedAndResumeWhenEnabledAgain() throws Exception {
        try (AlertsHarness h = harnessWithAccounts(owner -> !disabled.contains(owner))) {
            Subscription s = subscribe(h, "leaver", "Drugs", "heroin", List.of(ChannelDefinition.inApp()));

            disabled.add("leaver");
            h.indexed(article("Heroin seized in Khorog", "Guards seized heroin."), ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(deliveries(h, s)).as("nothing matched while disabled").isZero();

            disabled.remove("leaver");
            h.indexed(article("Heroin seized in Murghab", "Guards seized more heroin."), ArticleIndexed.Change.NEW);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(deliveries(h, s)).isEqualTo(1);
            assertThat(h.bean(NotificationService.class).unread("leaver")).isEqualTo(1);
        }
    }

    @Test
    void aDeliveryQueuedBeforeItsOwnerWasDisabledIsHeldNotSentNorDroppedAndGoesOnceEnabled() throws Exception {
        try (AlertsHarness h = harnessWithAccounts(owner -> !disabled.contains(owner))) {
            Subscription s = subscribeConfirmed(
                    h, "leaver", "Drugs", "heroin", List.of(ChannelDefinition.email("leaver@example.org")));
            Article hit = article("Heroin seized in Khorog", "Guards seized heroin.");
            h.indexed(hit, ArticleIndexed.Change.NEW);
            assertThat(deliveries(h, s)).as("queued, not sent yet").isEqualTo(1);

            disabled.add("leaver");
            h.bean(DeliveryDispatcher.class).dispatchDue();
            clock.advance(Duration.ofMinutes(5));
            h.bean(DeliveryDispatcher.class).dispatchDue();

            assertThat(mail.getReceivedMessages()).isEmpty();
            Map<String, Object> held = h.jdbc()
                    .sql("select status, attempts, last_error from alert_delivery where subscription_id = ?")
                    .param(s.id())
                    .query()
                    .singleRow();
            assertThat(held).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 0);
            assertThat(held.get("LAST_ERROR")).isEqualTo(DeliveryDispatcher.HELD);

            disabled.remove("leaver");
            clock.advance(DeliveryDispatcher.HOLD_RECHECK);
            h.bean(DeliveryDispatcher.class).dispatchDue();
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(h.jdbc()
                            .sql("select status from alert_delivery where subscription_id = ?")
                            .param(s.id())
                            .query(String.class)
                            .single())
                    .isEqualTo("SENT");
        }
    }

    @Test
    void aDisabledOwnersDigestIsNotSentAndTheMatchesBeforeWaitForTheFirstDigestOnceEnabled() throws Exception {
        clock.set(java.time.Instant.parse("2026-03-27T12:00:00Z"));
        try (AlertsHarness h = harnessWithAccounts(owner -> !disabled.contains(owner))) {
            Subscription s = h.bean(org.outpost.alerts.subscription.SubscriptionService.class)
                    .create(
                            "leaver",
                            org.outpost.alerts.subscription.SubscriptionDefinition.builder()
                                    .name("Morning drugs")
                                    .query("heroin")
                                    .frequency("daily")
                                    .time("08:00")
                                    .timezone("UTC")
                                    .channels(List.of(ChannelDefinition.email("leaver@example.org")))
                                    .spikeAlerts(false)
                                    .paused(false)
                                    .build());
            org.outpost.alerts.digest.DigestScheduler digests = h.bean(org.outpost.alerts.digest.DigestScheduler.class);
            h.indexed(article("Heroin seized in Khorog", "Guards seized heroin."), ArticleIndexed.Change.NEW);

            disabled.add("leaver");
            clock.set(java.time.Instant.parse("2026-03-28T08:00:00Z"));
            assertThat(digests.sendDue()).as("the owner is disabled").isZero();
            assertThat(deliveries(h, s)).isZero();

            disabled.remove("leaver");
            clock.set(java.time.Instant.parse("2026-03-29T08:00:00Z"));
            assertThat(digests.sendDue()).isEqualTo(1);
            assertThat(deliveries(h, s)).isEqualTo(1);
        }
    }

    private static long deliveries(AlertsHarness h, Subscription s) {
        return h.jdbc()
                .sql("select count(*) from alert_delivery where subscription_id = ?")
                .param(s.id())
                .query(Long.class)
                .single();
    }
}
