package org.outpost.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.AlertsHarness;
import org.outpost.alerts.AlertsTestSupport;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.core.article.ArticleIndexed;

/**
 * An owner's share of sender threads bounds how many of their sends run at once, not how fast a
 * burst of theirs goes out: the deliveries held back go as soon as a send of theirs finishes,
 * not one dispatch interval later per share.
 */
class OwnerShareTest extends AlertsTestSupport {

    @Test
    void aBurstOfOneOwnersEmailsGoesOutBackToBackNotAShareEachRound() throws Exception {
        try (AlertsHarness h = harness(
                Map.of(
                        "outpost.alerts.scheduler", "true",
                        // one round only in this test: whatever goes out after it was started by a finished send
                        "outpost.alerts.dispatch-interval", "1h",
                        "outpost.alerts.sends-per-owner", "2"),
                Clock.systemUTC())) {
            // one alert, so its six deliveries are planned in one transaction and woken up once
            List<ChannelDefinition> emails = IntStream.range(0, 6)
                    .mapToObj(i -> ChannelDefinition.email("aziza" + i + "@example.org"))
                    .toList();
            subscribeConfirmed(h, "aziza", "Border", "border", emails);

            h.indexed(article("Border post closed", "The border post was closed at dawn."), ArticleIndexed.Change.NEW);

            assertThat(mail.waitForIncomingEmail(20_000, 6))
                    .as("six emails, two at a time, within the one dispatch round")
                    .isTrue();
            assertThat(mail.getReceivedMessages()).hasSize(6);
        }
    }
}
