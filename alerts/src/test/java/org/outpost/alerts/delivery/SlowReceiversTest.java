package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.SlowReceiver;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.core.article.ArticleIndexed;

/**
 * One user's webhooks point at receivers that drip their reply a byte a second or answer 100 MB;
 * the other users' email, in-app and webhook deliveries go out as if they were not there.
 */
class SlowReceiversTest extends AlertsTestSupport {

    private static final Duration DEADLINE = Duration.ofSeconds(6);

    @Test
    void slowAndHugeWebhooksOfOneUserDoNotDelayTheOthersDeliveries() throws Exception {
        try (SlowReceiver drip = SlowReceiver.dripping();
                SlowReceiver huge = SlowReceiver.huge();
                AlertsHarness h = harness(
                        Map.of(
                                "outpost.alerts.scheduler", "true",
                                "outpost.alerts.dispatch-interval", "200ms",
                                "outpost.alerts.sender-threads", "4",
                                "outpost.alerts.webhook-deadline", DEADLINE.toSeconds() + "s"),
                        Clock.systemUTC())) {
            // more slow channels than the instance has webhook threads
            List<ChannelDefinition> hostile = new ArrayList<>();
            hostile.add(ChannelDefinition.webhook(huge.url("/huge"), "s3cret", false));
            for (int i = 0; i < 6; i++) {
                hostile.add(ChannelDefinition.webhook(drip.url("/drip/" + i), null, i % 2 == 0));
            }
            subscribe(h, "mallory", "Flood", "border", hostile);
            confirm(h, "aziza", "aziza@example.org");
            Subscription aziza = subscribe(
                    h,
                    "aziza",
                    "Border",
                    "border",
                    List.of(ChannelDefinition.email("aziza@example.org"), ChannelDefinition.inApp()));
            Subscription bob = subscribe(
                    h, "bob", "Border", "border", List.of(ChannelDefinition.webhook(webhook.url(), null, false)));

            long start = System.nanoTime();
            h.indexed(article("Border post closed", "The border post was closed at dawn."), ArticleIndexed.Change.NEW);
            // the slow ones start first: mallory's subscription was made first
            assertThat(mail.waitForIncomingEmail(DEADLINE.toMillis(), 1)).isTrue();
            Duration emailAfter = Duration.ofNanos(System.nanoTime() - start);
            while (webhook.received().isEmpty() && System.nanoTime() - start < DEADLINE.toNanos()) {
                Thread.sleep(20);
            }
            Duration webhookAfter = Duration.ofNanos(System.nanoTime() - start);
            int dripsInFlight = drip.open();
            NotificationService notifications = h.bean(NotificationService.class);
            System.out.printf(
                    "slow receivers: email after %d ms, other user's webhook after %d ms, drips in flight %d%n",
                    emailAfter.toMillis(), webhookAfter.toMillis(), dripsInFlight);

            assertThat(webhook.received()).as("bob's webhook").hasSize(1);
            assertThat(dripsInFlight)
                    .as("mallory's slow sends are still in flight")
                    .isPositive();
            assertThat(emailAfter).isLessThan(Duration.ofSeconds(2));
            assertThat(webhookAfter).isLessThan(Duration.ofSeconds(2));
            assertThat(notifications.log("aziza", aziza.id(), null, 5))
                    .filteredOn(d -> d.channel().equals("inapp"))
                    .singleElement()
                    .extracting(Delivery::status)
                    .isEqualTo(DeliveryStatus.SENT);
            assertThat(notifications.log("bob", bob.id(), null, 5))
                    .singleElement()
                    .extracting(Delivery::status)
                    .isEqualTo(DeliveryStatus.SENT);
            assertThat(drip.open())
                    .as("mallory occupies at most her share of the webhook threads")
                    .isLessThanOrEqualTo(2);

            // the huge reply was cut after the bound, not read to its end
            while (huge.accepted() == 0 || huge.open() > 0) {
                Thread.sleep(50);
            }
            assertThat(huge.written()).isLessThan(16L * 1024 * 1024);

            // a drip is cut at the deadline, and its log names the host only
            long waitUntil = System.nanoTime() + DEADLINE.multipliedBy(3).toNanos();
            List<Delivery> cut;
            do {
                Thread.sleep(200);
                cut = notifications.log("mallory", null, null, 20).stream()
                        .filter(d -> d.lastError() != null && d.lastError().contains("did not answer"))
                        .toList();
            } while (cut.isEmpty() && System.nanoTime() < waitUntil);
            assertThat(cut).isNotEmpty();
            assertThat(cut.getFirst().lastError())
                    .isEqualTo("127.0.0.1 did not answer within " + DEADLINE.toSeconds() + " s; cut off")
                    .doesNotContain("/drip");
            assertThat(cut.getFirst().channel()).doesNotContain("/drip/");
        }
    }

    @Test
    void hundredsOfOneUsersDueDeliveriesDoNotHideAnotherUsersBehindThem() throws Exception {
        try (SlowReceiver drip = SlowReceiver.dripping();
                AlertsHarness h = harness(
                        Map.of(
                                "outpost.alerts.scheduler", "false",
                                "outpost.alerts.storm-threshold", "1000",
                                "outpost.alerts.webhook-deadline", DEADLINE.toSeconds() + "s"),
                        Clock.systemUTC())) {
            List<ChannelDefinition> hostile = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                hostile.add(ChannelDefinition.webhook(drip.url("/drip/" + i), null, false));
            }
            subscribe(h, "mallory", "Flood", "border", hostile);
            for (int i = 0; i < 8; i++) {
                h.indexed(
                        article("Border post " + i + " closed", "The border post " + i + " was closed."),
                        ArticleIndexed.Change.NEW);
            }
            // 80 of mallory's are due before bob's first
            Subscription bob = subscribe(
                    h, "bob", "Border", "border", List.of(ChannelDefinition.webhook(webhook.url(), null, false)));
            h.indexed(article("Border post 9 closed", "The border post 9 was closed."), ArticleIndexed.Change.NEW);

            long start = System.nanoTime();
            int started = h.bean(DeliveryDispatcher.class).startDue();
            while (webhook.received().isEmpty() && System.nanoTime() - start < DEADLINE.toNanos()) {
                Thread.sleep(20);
            }
            Duration bobAfter = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf(
                    "behind 90 due deliveries of one user: the other's webhook after %d ms%n", bobAfter.toMillis());
            assertThat(webhook.received()).hasSize(1);
            assertThat(bobAfter).isLessThan(Duration.ofSeconds(2));
            assertThat(started).as("mallory's share plus bob's").isEqualTo(3);
            assertThat(drip.open()).isLessThanOrEqualTo(2);
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (h.bean(NotificationService.class)
                                    .log("bob", bob.id(), null, 5)
                                    .getFirst()
                                    .status()
                            != DeliveryStatus.SENT
                    && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(h.bean(NotificationService.class).log("bob", bob.id(), null, 5))
                    .singleElement()
                    .extracting(Delivery::status)
                    .isEqualTo(DeliveryStatus.SENT);
        }
    }
}
