package org.outpost.alerts.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/** The feed's tokens and what a token reads, on the matcher's real matches (H2, and PostgreSQL in the full build). */
@Tag(TestDatabases.TAG)
class AlertFeedsTest extends AlertsTestSupport {

    @Test
    void aTokenReadsItsAlertsMatchesNewestFirstUntilItIsReplacedOrRevoked() throws Exception {
        try (AlertsHarness h = harness()) {
            Subscription s = subscribe(h, "aziza", "Vorukh", "Vorukh", List.of(ChannelDefinition.inApp()));
            AlertFeeds feeds = h.bean(AlertFeeds.class);
            assertThat(feeds.token("aziza", s.id())).isEmpty();
            assertThat(feeds.renew("someone-else", s.id()))
                    .as("only its owner turns it on")
                    .isEmpty();
            String token = feeds.renew("aziza", s.id()).orElseThrow();
            assertThat(feeds.token("aziza", s.id())).hasValue(token);
            assertThat(h.jdbc()
                            .sql("select token from alert_feed")
                            .query(String.class)
                            .single())
                    .as("kept encrypted")
                    .doesNotContain(token);

            Article first = article("Talks in Vorukh", "Officials met in Vorukh.");
            index.index(List.of(first));
            h.indexed(first, ArticleIndexed.Change.NEW);
            AlertFeed before = feeds.read(token, 50).orElseThrow();
            clock.advance(java.time.Duration.ofMinutes(5));
            Article second = article("Road to Vorukh reopened", "The road to Vorukh is open.");
            index.index(List.of(second));
            h.indexed(second, ArticleIndexed.Change.NEW);
            AlertFeed after = feeds.read(token, 50).orElseThrow();

            assertThat(after.entries()).extracting(AlertFeed.Entry::articleId).containsExactly(second.id(), first.id());
            assertThat(after.version()).isNotEqualTo(before.version());
            assertThat(feeds.read(token, 50).orElseThrow().version()).isEqualTo(after.version());
            assertThat(feeds.read(token, 1).orElseThrow().entries()).hasSize(1);

            String renewed = feeds.renew("aziza", s.id()).orElseThrow();
            assertThat(feeds.read(token, 50)).isEmpty();
            assertThat(feeds.read(renewed, 50)).isPresent();
            assertThat(feeds.revoke("someone-else", s.id())).isFalse();
            assertThat(feeds.revoke("aziza", s.id())).isTrue();
            assertThat(feeds.read(renewed, 50)).isEmpty();
        }
    }

    @Test
    void theFeedOfADisabledAccountReadsAsIfItDidNotExist() throws Exception {
        Set<String> disabled = ConcurrentHashMap.newKeySet();
        try (AlertsHarness h = harnessWithAccounts(owner -> !disabled.contains(owner))) {
            Subscription s = subscribe(h, "aziza", "Vorukh", "Vorukh", List.of(ChannelDefinition.inApp()));
            String token = h.bean(AlertFeeds.class).renew("aziza", s.id()).orElseThrow();
            assertThat(h.bean(AlertFeeds.class).read(token, 50)).isPresent();
            disabled.add("aziza");
            assertThat(h.bean(AlertFeeds.class).read(token, 50)).isEmpty();
        }
    }
}
