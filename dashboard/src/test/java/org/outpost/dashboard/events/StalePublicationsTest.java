package org.outpost.dashboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An instance that died after its crawl committed and before its matcher ran leaves the
 * publication unfinished; the instances still running take it over without waiting for that one
 * to start again: the staleness monitor marks it failed, {@link StalePublications} resubmits it.
 */
@Tag("database")
class StalePublicationsTest extends OutpostAppTest {

    private static final PublicationTargetIdentifier MATCHER = PublicationTargetIdentifier.of(
            "org.outpost.alerts.match.InstantMatcher.onIndexed(org.outpost.core.article.ArticleIndexed)");

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate accountsJdbc;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    NotificationService notifications;

    @Autowired
    EventPublicationRepository repository;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    Staleness staleness;

    @Autowired
    StalePublications stale;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublicationADeadInstanceLeftUnfinishedIsMatchedOnceByALiveOne() {
        assertThat(staleness.getStaleness(EventPublication.Status.PUBLISHED)).isEqualTo(Duration.ofMinutes(2));
        String word =
                "stalewire" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Subscription s = subscribe(word);
        ArticleIndexed indexed = new ArticleIndexed(article(word), ArticleIndexed.Change.NEW);
        // what the dead instance left: its crawl committed five minutes ago, its matcher never ran
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> repository.create(TargetEventPublication.of(
                        indexed, MATCHER, Instant.now().minus(Duration.ofMinutes(5)))));

        registry.markStalePublicationsFailed(staleness); // the monitor's round, on any instance
        stale.resubmit();

        await().atMost(Duration.ofSeconds(30)).until(() -> matches(s) == 1 && !unfinished(indexed));
        stale.resubmit(); // a second round finds nothing left
        assertThat(matches(s)).isEqualTo(1);
        assertThat(notifications.log(s.owner(), s.id(), null, 10)).hasSize(1);
    }

    private boolean unfinished(ArticleIndexed indexed) {
        return repository
                .findIncompletePublicationsByEventAndTargetIdentifier(indexed, MATCHER)
                .isPresent();
    }

    private long matches(Subscription s) {
        return jdbc.sql("select count(*) from alert_match where subscription_id = ?")
                .param(s.id())
                .query(Long.class)
                .single();
    }

    private Subscription subscribe(String word) {
        return subscriptions.create(
                org.outpost.dashboard.TestAccounts.ensure(accountsJdbc, "stale-" + word),
                org.outpost.dashboard.TestSubscriptions.instantInApp("Stale " + word, word));
    }

    private static Article article(String word) {
        return Article.builder(
                        "Stale wire",
                        "Border post reopens near " + word,
                        "Border guards reopened the post near " + word + " on Monday after a week of repairs.")
                .url("https://stale.example/news/" + word)
                .publishedAt(Instant.now())
                .fetchedAt(Instant.now())
                .build();
    }
}
