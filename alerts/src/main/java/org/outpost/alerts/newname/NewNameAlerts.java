package org.outpost.alerts.newname;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.delivery.DeliveryPlanner;
import org.outpost.alerts.delivery.FirstSeenDetail;
import org.outpost.alerts.delivery.Story;
import org.outpost.alerts.subscription.FirstSeen;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionQuery;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.EntitySources;
import org.outpost.core.index.TermCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-seen alerts. For each subscription that asks for them, aggregations over the
 * {@code entities} field, never a scan of articles: the entities of the chosen types that the
 * subscription's articles of the window (the last {@code window}) name in at least its number of
 * distinct sources, then which of those any article named in the {@code days} before the window.
 * The rest were first named in the window after at least {@code days} without a mention: each is
 * described (first date, sources) by a third aggregation and its first articles by a search, and
 * told once per subscription (a row of {@code alert_first_seen}), in one message per channel.
 *
 * <p>"Not named for {@code days}" can only be known of an index that reaches back that far: until
 * its oldest article is older than the window and the days, nothing is new (a fresh index would
 * otherwise announce every name in it).
 */
@Component
public class NewNameAlerts {

    private static final Logger log = LoggerFactory.getLogger(NewNameAlerts.class);
    /** Articles fetched to pick a new name's first ones from: a new name has few. */
    private static final int FETCHED = 50;

    private final SubscriptionRepository subscriptions;
    private final FirstSeenRepository told;
    private final ArticleStats stats;
    private final ArticleSearch search;
    private final DeliveryPlanner planner;
    private final TransactionTemplate transactions;
    private final AccountStates accounts;
    private final NewNamesProperties properties;
    private final Clock clock;

    NewNameAlerts(
            SubscriptionRepository subscriptions,
            FirstSeenRepository told,
            ArticleStats stats,
            ArticleSearch search,
            DeliveryPlanner planner,
            PlatformTransactionManager transactionManager,
            AccountStates accounts,
            NewNamesProperties properties,
            Optional<Clock> clock) {
        this.subscriptions = subscriptions;
        this.told = told;
        this.stats = stats;
        this.search = search;
        this.planner = planner;
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** How often the worker calls {@link #check()}. */
    public Duration interval() {
        return properties.interval();
    }

    /** @return how many new names were announced (each to all channels of its subscription) */
    public int check() {
        List<Subscription> watching = subscriptions.withFirstSeen();
        if (watching.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Optional<Instant> oldest = stats.oldest();
        int planned = 0;
        for (Subscription s : watching) {
            if (!s.isActive(now) || !accounts.active(s.owner())) {
                continue;
            }
            try {
                planned += check(s, now, oldest);
            } catch (RuntimeException e) {
                log.warn("First-seen check of subscription {} failed: {}", s.id(), e.getMessage());
            }
        }
        return planned;
    }

    private int check(Subscription s, Instant now, Optional<Instant> oldest) {
        FirstSeen f = s.firstSeen();
        if (f == null) {
            return 0;
        }
        Instant windowStart = now.minus(properties.window());
        Instant lookback = windowStart.minus(Duration.ofDays(f.days()));
        if (oldest.isEmpty() || oldest.get().isAfter(lookback)) {
            log.debug(
                    "First-seen alerts of subscription {} wait for the index to reach back to {} (it starts {})",
                    s.id(),
                    lookback,
                    oldest.map(Instant::toString).orElse("nowhere"));
            return 0;
        }
        String text = SubscriptionQuery.matchesAll(s.query()) ? null : s.query();
        // articles dated a little ahead (a source's clock or time zone) count as now
        Instant end = now.plus(Duration.ofDays(1));
        Set<String> already = told.told(s.id());
        List<String> candidates =
                stats.entitiesInSources(windowStart, end, text, s.filters(), f.typeKeys(), f.sources()).stream()
                        .map(TermCount::term)
                        .filter(entity -> !already.contains(entity))
                        .toList();
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> namedBefore = stats.named(candidates, lookback, windowStart);
        List<String> fresh =
                candidates.stream().filter(e -> !namedBefore.contains(e)).toList();
        int planned = 0;
        // described only now: new names are few, the candidates may be many
        for (EntitySources c : stats.entitySources(fresh, windowStart, end, text, s.filters())) {
            if (c.sources() >= f.sources() && announce(s, f, c, text, end, now)) {
                planned++;
            }
        }
        return planned;
    }

    private boolean announce(
            Subscription s, FirstSeen f, EntitySources c, @Nullable String text, Instant end, Instant now) {
        int colon = c.entity().indexOf(':');
        FirstSeenDetail detail = new FirstSeenDetail(
                c.entity(),
                c.entity().substring(0, colon),
                c.entity().substring(colon + 1),
                f.days(),
                c.sources(),
                c.sourceNames(),
                c.articles(),
                c.first(),
                firstArticles(s, c, text, end));
        try {
            transactions.executeWithoutResult(tx -> {
                told.claim(s.id(), c.entity(), c.first(), c.sources(), now);
                planner.firstSeen(s, detail, now);
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false; // told already, by another instance
        }
    }

    /**
     * Its first articles among the subscription's, oldest first. The subscription's entity filter
     * (any of its entities) is checked here: the search's entity filter is this entity.
     */
    private List<Story> firstArticles(Subscription s, EntitySources c, @Nullable String text, Instant end) {
        ArticleQuery.Filters own = s.filters();
        ArticleQuery.Filters filters =
                new ArticleQuery.Filters(own.topics(), own.sources(), List.of(c.entity()), own.languages());
        List<Article> found = new ArrayList<>(search
                .search(new ArticleQuery(text, null, c.first(), end, 0, FETCHED, filters, ArticleQuery.Sort.NEWEST))
                .items()
                .stream()
                .map(h -> h.article())
                .filter(a -> own.entities().isEmpty() || a.entities().stream().anyMatch(own.entities()::contains))
                .toList());
        found.sort(Comparator.comparing(Article::datedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return found.stream().limit(properties.firstArticles()).map(Story::of).toList();
    }
}
