package org.outpost.alerts.spike;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.delivery.DeliveryPlanner;
import org.outpost.alerts.delivery.SpikeDetail;
import org.outpost.alerts.delivery.Story;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionQuery;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.index.TrendQuery;
import org.outpost.core.trend.Spike;
import org.outpost.core.trend.SpikeDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spike alerts: for each subscription that asks for them, the hourly volume of its query and
 * filters over the last two days, with the dashboard's detector (EWMA baseline and z-score, a
 * minimum count). A spike in the current or the previous hour is announced once per hour
 * bucket and not again within the cooldown. A subscription with no query and one topic filter
 * is a topic's spike alert.
 */
@Component
public class SpikeAlerts {

    private static final Logger log = LoggerFactory.getLogger(SpikeAlerts.class);
    static final int HOURS = 48;
    private static final int TOP_ARTICLES = 5;

    private final SubscriptionRepository subscriptions;
    private final ArticleSearch search;
    private final ArticleStats stats;
    private final DeliveryPlanner planner;
    private final TransactionTemplate transactions;
    private final AlertsProperties properties;
    private final AccountStates accounts;
    private final Clock clock;

    public SpikeAlerts(
            SubscriptionRepository subscriptions,
            ArticleSearch search,
            ArticleStats stats,
            DeliveryPlanner planner,
            PlatformTransactionManager transactionManager,
            AlertsProperties properties,
            AccountStates accounts,
            Optional<Clock> clock) {
        this.subscriptions = subscriptions;
        this.search = search;
        this.stats = stats;
        this.planner = planner;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** @return how many spike alerts were planned */
    public int check() {
        Instant now = clock.instant();
        int planned = 0;
        for (Subscription s : subscriptions.withSpikeAlerts()) {
            if (!s.isActive(now) || !accounts.active(s.owner())) {
                continue;
            }
            try {
                Optional<Spike> spike = detect(s, now);
                if (spike.isPresent() && announce(s, spike.get(), now)) {
                    planned++;
                }
            } catch (RuntimeException e) {
                log.warn("Spike check of subscription {} failed: {}", s.id(), e.getMessage());
            }
        }
        return planned;
    }

    /** A spike in the current or previous hour, if there is one. */
    public Optional<Spike> detect(Subscription s, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant start = end.minus(Duration.ofHours(HOURS));
        String text = SubscriptionQuery.matchesAll(s.query()) ? null : s.query();
        List<TrendBucket> buckets = stats.trends(
                new TrendQuery(start, end, TrendInterval.HOUR, null, text, ZoneOffset.UTC), List.of(), s.filters());
        SpikeDetector detector = new SpikeDetector(0.3, 3.0, properties.spikeMinCount(), 12);
        List<Spike> spikes = detector.detect(
                scope(s),
                buckets.stream().map(TrendBucket::time).toList(),
                buckets.stream().map(TrendBucket::total).toList());
        Instant recent = end.minus(Duration.ofHours(2));
        return spikes.stream().filter(x -> !x.bucket().isBefore(recent)).max(Comparator.comparing(Spike::bucket));
    }

    private boolean announce(Subscription s, Spike spike, Instant now) {
        String text = SubscriptionQuery.matchesAll(s.query()) ? null : s.query();
        List<Story> top = search
                .search(new ArticleQuery(
                        text,
                        null,
                        spike.bucket(),
                        spike.bucket().plus(Duration.ofHours(1)).minusMillis(1),
                        0,
                        TOP_ARTICLES,
                        s.filters(),
                        ArticleQuery.Sort.RELEVANCE))
                .items()
                .stream()
                .map(h -> Story.of(h.article()))
                .toList();
        SpikeDetail detail = new SpikeDetail(
                spike.topic(), spike.bucket(), "hour", spike.count(), spike.baseline(), spike.score(), top);
        try {
            Boolean done = transactions.execute(tx -> {
                if (!subscriptions.claimSpike(s.id(), now, now.minus(properties.spikeCooldown()))) {
                    return false;
                }
                planner.spike(s, detail, "spike:" + spike.bucket(), now);
                return true;
            });
            return Boolean.TRUE.equals(done);
        } catch (DuplicateKeyException e) {
            return false; // this bucket was announced already
        }
    }

    static String scope(Subscription s) {
        if (SubscriptionQuery.matchesAll(s.query()) && s.filters().topics().size() == 1) {
            return "topic " + s.filters().topics().keySet().iterator().next();
        }
        return "\"" + s.name() + "\"";
    }
}
