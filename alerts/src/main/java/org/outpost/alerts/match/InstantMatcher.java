package org.outpost.alerts.match;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.delivery.DeliveryPlanner;
import org.outpost.alerts.delivery.Story;
import org.outpost.alerts.subscription.Frequency;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.outpost.alerts.subscription.SubscriptionsChanged;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches each indexed article against every subscription in the JVM and records the matches:
 * instant ones become deliveries at once, digest ones wait for their digest. A story is matched
 * once per subscription: a copy of it, or the same article re-indexed because it changed, finds
 * its match recorded already and goes no further.
 */
@Component
public class InstantMatcher {

    private static final Logger log = LoggerFactory.getLogger(InstantMatcher.class);

    private final SubscriptionMonitor monitor = new SubscriptionMonitor();
    private final SubscriptionRepository subscriptions;
    private final MatchRepository matches;
    private final DeliveryPlanner planner;
    private final TransactionTemplate transactions;
    private final AlertsProperties properties;
    private final MatchMetrics metrics;
    private final AccountStates accounts;
    private final Clock clock;
    private volatile String fingerprint = "";

    public InstantMatcher(
            SubscriptionRepository subscriptions,
            MatchRepository matches,
            DeliveryPlanner planner,
            PlatformTransactionManager transactionManager,
            AlertsProperties properties,
            MatchMetrics metrics,
            AccountStates accounts,
            Optional<Clock> clock) {
        this.subscriptions = subscriptions;
        this.matches = matches;
        this.planner = planner;
        this.transactions = new TransactionTemplate(transactionManager);
        // a match is its own transaction, also when called after a publisher's commit on its thread
        // (where a joined transaction would be one already committed, its writes left to chance)
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.metrics = metrics;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Runs after the crawler's transaction commits, on a task thread, from the event publication
     * registry: a failure (the database away) leaves the publication incomplete, to be delivered
     * again on restart. Not {@code @ApplicationModuleListener}: its one transaction around the
     * whole match would roll every subscription's match back for one conflict; each match has
     * its own transaction below.
     */
    @Async
    @TransactionalEventListener
    public void onIndexed(ArticleIndexed indexed) {
        try {
            match(indexed.article());
        } catch (RuntimeException e) {
            log.error(
                    "Matching article {} against subscriptions failed; it is matched again when the app restarts",
                    indexed.article().id(),
                    e);
            throw e;
        }
    }

    @EventListener
    public synchronized void onSubscriptionsChanged(SubscriptionsChanged changed) {
        if (fingerprint.isEmpty()) {
            reload();
            return;
        }
        subscriptions
                .find(changed.subscriptionId())
                .ifPresentOrElse(monitor::update, () -> monitor.remove(changed.subscriptionId()));
        fingerprint = subscriptions.fingerprint();
    }

    /** Reloads when another instance changed subscriptions (compares a fingerprint of the table). */
    public void refreshIfChanged() {
        if (!subscriptions.fingerprint().equals(fingerprint)) {
            reload();
        }
    }

    /** @return the subscriptions that matched and had not matched this story before */
    public List<Subscription> match(Article article) {
        if (fingerprint.isEmpty()) {
            reload();
        }
        Instant now = clock.instant();
        long started = System.nanoTime();
        List<Subscription> matched = monitor.match(article, now);
        metrics.matched(System.nanoTime() - started, monitor.size());
        // asked here, of the matched few, rather than kept in the monitor: an account disabled on
        // another instance stops its alerts with the next article, without a reload
        matched = matched.stream().filter(s -> accounts.active(s.owner())).toList();
        Story story = Story.of(article);
        List<Subscription> fresh = new java.util.ArrayList<>();
        for (Subscription s : matched) {
            try {
                Boolean recorded = transactions.execute(tx -> {
                    boolean instant = s.frequency() == Frequency.INSTANT;
                    if (!matches.record(s.id(), story, now, instant)) {
                        return false;
                    }
                    if (instant) {
                        long recent = matches.countSince(s.id(), now.minus(properties.stormWindow()));
                        planner.instant(s, story, recent, now);
                    }
                    return true;
                });
                if (Boolean.TRUE.equals(recorded)) {
                    fresh.add(s);
                }
            } catch (DuplicateKeyException e) {
                // another instance recorded the same match at the same moment: the story is matched once
                log.debug(
                        "The match of article {} for subscription {} was recorded by another instance: {}",
                        article.id(),
                        s.id(),
                        e.getMostSpecificCause().getMessage());
            }
        }
        return fresh;
    }

    private synchronized void reload() {
        String now = subscriptions.fingerprint();
        List<Subscription> active = subscriptions.findAll();
        monitor.load(active);
        fingerprint = now;
        log.debug("Loaded {} subscription queries", monitor.size());
    }
}
