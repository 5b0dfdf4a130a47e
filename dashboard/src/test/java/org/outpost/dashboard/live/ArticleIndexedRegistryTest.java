package org.outpost.dashboard.live;

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
import org.outpost.core.postgres.TestDatabases;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry between ingest and alert matching, in the running app. A crash
 * between the commit of the crawler's transaction and the end of the matcher leaves the
 * publication in the registry unfinished; the app republishes it on restart
 * ({@code republish-outstanding-events-on-restart}, the same resubmission as called here), and
 * the story is delivered exactly once whether the matcher had not started or had already matched.
 */
@Tag(TestDatabases.TAG)
class ArticleIndexedRegistryTest extends OutpostAppTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate accountsJdbc;

    /** How the registry names the matcher's listener method. */
    private static final PublicationTargetIdentifier MATCHER = PublicationTargetIdentifier.of(
            "org.outpost.alerts.match.InstantMatcher.onIndexed(org.outpost.core.article.ArticleIndexed)");

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    NotificationService notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    EventPublicationRepository registry;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublicationLeftUnfinishedByACrashBeforeTheMatcherRanIsDeliveredOnceAfterTheRestart() {
        String word = word();
        Subscription s = subscribe(word);
        ArticleIndexed indexed = new ArticleIndexed(article(word), ArticleIndexed.Change.NEW);

        // what SIGKILL leaves after the crawler's commit and before the matcher ran: the publication, unfinished
        inTransaction(() -> registry.create(TargetEventPublication.of(indexed, MATCHER)));
        assertThat(unfinished(indexed)).isTrue();
        assertThat(matches(s)).isZero();

        restart(indexed);
        await().atMost(Duration.ofSeconds(30)).until(() -> !unfinished(indexed));
        assertThat(matches(s)).isEqualTo(1);
        assertThat(notifications.log(s.owner(), s.id(), null, 10)).hasSize(1);

        restart(indexed); // and a second restart finds nothing left to deliver
        assertThat(unfinished(indexed)).isFalse();
        assertThat(matches(s)).isEqualTo(1);
        assertThat(notifications.log(s.owner(), s.id(), null, 10)).hasSize(1);
    }

    @Test
    void aPublicationWhoseMatcherMatchedButDiedBeforeFinishingIsDeliveredOnceAfterTheRestart() {
        String word = word();
        Subscription s = subscribe(word);
        ArticleIndexed indexed = new ArticleIndexed(article(word), ArticleIndexed.Change.NEW);

        // as the crawler publishes: in a transaction; the matcher runs after the commit, on another thread
        inTransaction(() -> events.publishEvent(indexed));
        await().atMost(Duration.ofSeconds(30)).until(() -> matches(s) == 1 && !unfinished(indexed));
        // the crash after matching, before the registry heard the matcher finished: the publication stays
        inTransaction(() -> registry.create(TargetEventPublication.of(indexed, MATCHER)));

        restart(indexed);
        await().atMost(Duration.ofSeconds(30)).until(() -> !unfinished(indexed));
        assertThat(matches(s)).isEqualTo(1);
        assertThat(notifications.log(s.owner(), s.id(), null, 10)).hasSize(1);
    }

    @Test
    void aPublicationRolledBackWithTheCrawlersTransactionIsNeverDelivered() {
        String word = word();
        Subscription s = subscribe(word);
        ArticleIndexed indexed = new ArticleIndexed(article(word), ArticleIndexed.Change.NEW);

        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            events.publishEvent(indexed);
            status.setRollbackOnly(); // recording the page failed: the announcement goes with it
        });
        restart(indexed);

        // give an (incorrectly) dispatched matcher time to record something
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> matches(s) == 0);
        assertThat(unfinished(indexed)).isFalse();
    }

    /**
     * What the app does when it starts with {@code republish-outstanding-events-on-restart}, for
     * this test's event only (other tests share the app).
     */
    private void restart(ArticleIndexed indexed) {
        incomplete.resubmitIncompletePublications(publication -> indexed.equals(publication.getEvent()));
    }

    private boolean unfinished(ArticleIndexed indexed) {
        return registry.findIncompletePublicationsByEventAndTargetIdentifier(indexed, MATCHER)
                .isPresent();
    }

    private long matches(Subscription s) {
        return jdbc.sql("select count(*) from alert_match where subscription_id = ?")
                .param(s.id())
                .query(Long.class)
                .single();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    private Subscription subscribe(String word) {
        return subscriptions.create(
                org.outpost.dashboard.TestAccounts.ensure(accountsJdbc, "registry-" + word),
                org.outpost.dashboard.TestSubscriptions.instantInApp("Registry " + word, word));
    }

    private static String word() {
        return "qarategin" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Longer than the 4,000 characters Modulith's own H2 schema would allow for an event. */
    private static Article article(String word) {
        return Article.builder(
                        "Registry wire",
                        "Border post reopens near " + word,
                        ("Border guards reopened the post near " + word + " on Monday after a week of repairs. ")
                                .repeat(80))
                .url("https://registry.example/news/" + word)
                .publishedAt(Instant.now())
                .fetchedAt(Instant.now())
                .build();
    }
}
