package org.outpost.alerts.spike;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.delivery.DeliveryPlanner;
import org.outpost.alerts.delivery.SpikeDetail;
import org.outpost.alerts.delivery.Story;
import org.outpost.alerts.subscription.SpikeSensitivity;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionQuery;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.index.TrendQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spike alerts: for each subscription that asks for them, the volume of its query and filters in
 * the window of its sensitivity preset, ending now, against the preset's baseline windows
 * ({@link SpikeSensitivity}, {@link Comparison}). A surge is announced once when it starts, then
 * at most once per cool-down while it lasts ("ongoing"), then once when it is back to normal.
 * With spikes by entity, each entity of the entity filter is compared on its own.
 */
@Component
public class SpikeAlerts {

    private static final Logger log = LoggerFactory.getLogger(SpikeAlerts.class);
    private static final int TOP_ARTICLES = 5;
    /** The state key of a subscription's whole volume; an entity's is {@code entity:<name>}. */
    static final String VOLUME = "volume";

    private final SubscriptionRepository subscriptions;
    private final SpikeStates states;
    private final ArticleSearch search;
    private final ArticleStats stats;
    private final DeliveryPlanner planner;
    private final TransactionTemplate transactions;
    private final AlertsProperties properties;
    private final AccountStates accounts;
    private final Clock clock;

    public SpikeAlerts(
            SubscriptionRepository subscriptions,
            SpikeStates states,
            ArticleSearch search,
            ArticleStats stats,
            DeliveryPlanner planner,
            PlatformTransactionManager transactionManager,
            AlertsProperties properties,
            AccountStates accounts,
            Optional<Clock> clock) {
        this.subscriptions = subscriptions;
        this.states = states;
        this.search = search;
        this.stats = stats;
        this.planner = planner;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What one spike alert watches: the subscription's volume, or one entity within it. */
    record Scope(String key, String label, ArticleQuery.Filters filters) {}

    /** @return how many spike messages (starts, updates and ends) were planned */
    public int check() {
        Instant now = clock.instant();
        int planned = 0;
        states.forgetSwitchedOff();
        for (Subscription s : subscriptions.withSpikeAlerts()) {
            if (!s.isActive(now) || !accounts.active(s.owner())) {
                continue;
            }
            for (Scope scope : scopes(s)) {
                try {
                    if (step(s, scope, now)) {
                        planned++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Spike check of subscription {} ({}) failed: {}", s.id(), scope.key(), e.getMessage());
                }
            }
        }
        return planned;
    }

    static List<Scope> scopes(Subscription s) {
        if (!s.spikeByEntity() || s.filters().entities().isEmpty()) {
            return List.of(new Scope(VOLUME, scope(s), s.filters()));
        }
        List<Scope> out = new ArrayList<>();
        for (String entity : s.filters().entities()) {
            ArticleQuery.Filters f = s.filters();
            out.add(new Scope(
                    "entity:" + entity,
                    "entity " + entity,
                    new ArticleQuery.Filters(f.topics(), f.sources(), List.of(entity), f.languages())));
        }
        return out;
    }

    /** The window ending at {@code now} (to the minute) against the preset's baseline windows. */
    Comparison compare(Subscription s, Scope scope, Instant now) {
        SpikeSensitivity preset = s.spikeSensitivity();
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        Duration window = preset.window();
        Instant start = end.minus(window).minus(preset.baselineStep().multipliedBy(preset.baselineWindows()));
        TrendInterval interval = window.equals(Duration.ofDays(1)) ? TrendInterval.DAY : TrendInterval.HOUR;
        Map<Instant, Long> counts = new HashMap<>();
        for (TrendBucket b : stats.trends(
                new TrendQuery(start, end, interval, null, text(s), alignedTo(end, interval)),
                List.of(),
                scope.filters())) {
            counts.put(b.time(), b.total());
        }
        Instant windowStart = end.minus(window);
        List<Long> baseline = new ArrayList<>();
        for (int k = 1; k <= preset.baselineWindows(); k++) {
            baseline.add(
                    counts.getOrDefault(windowStart.minus(preset.baselineStep().multipliedBy(k)), 0L));
        }
        return Comparison.of(preset, properties.spikeMinCount(), counts.getOrDefault(windowStart, 0L), baseline);
    }

    /**
     * A fixed offset whose hours (or days) begin at {@code end}'s minute (or time of day), so the
     * histogram's buckets are the sliding windows ending now rather than clock hours; a fixed
     * offset also has no daylight saving change to make a bucket 23 or 25 hours long.
     */
    static ZoneOffset alignedTo(Instant end, TrendInterval interval) {
        long seconds = interval == TrendInterval.DAY ? end.getEpochSecond() % 86_400 : end.getEpochSecond() % 3_600;
        if (seconds == 0) {
            return ZoneOffset.UTC;
        }
        // offsets reach ±18 hours: a time of day after noon is reached from the other side
        long offset = seconds <= 43_200 ? -seconds : 86_400 - seconds;
        return ZoneOffset.ofTotalSeconds((int) offset);
    }

    private boolean step(Subscription s, Scope scope, Instant now) {
        Optional<SpikeStates.State> state = states.find(s.id(), scope.key());
        Comparison c = compare(s, scope, now);
        if (state.isEmpty()) {
            if (!c.isSpike()) {
                return false;
            }
            return plan(s, scope, c, SpikeDetail.STARTED, null, now, () -> {
                states.start(s.id(), scope.key(), now);
                return true;
            });
        }
        SpikeStates.State st = state.get();
        if (c.isCalm()) {
            return plan(
                    s,
                    scope,
                    c,
                    SpikeDetail.ENDED,
                    st.startedAt(),
                    now,
                    () -> states.end(s.id(), scope.key(), st.startedAt()));
        }
        if (now.isBefore(st.notifiedAt().plus(properties.spikeCooldown()))) {
            return false;
        }
        return plan(
                s,
                scope,
                c,
                SpikeDetail.ONGOING,
                st.startedAt(),
                now,
                () -> states.renew(s.id(), scope.key(), st.notifiedAt(), now));
    }

    private interface Claim {
        boolean claim();
    }

    /** Claims the change of state and plans its message in one transaction: both or neither. */
    private boolean plan(
            Subscription s,
            Scope scope,
            Comparison c,
            String phase,
            @Nullable Instant since,
            Instant now,
            Claim claim) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        Instant windowStart = end.minus(c.sensitivity().window());
        SpikeDetail detail = new SpikeDetail(
                scope.label(),
                windowStart,
                c.sensitivity().window().equals(Duration.ofDays(1)) ? "day" : "hour",
                c.count(),
                c.baseline(),
                c.score(),
                top(s, scope, windowStart, end.minusMillis(1)),
                phase,
                c.sensitivity().key(),
                c.ratio(),
                since);
        // one key per change of state: a retried plan of the same change is not sent twice
        String dedup = "spike:" + phase + ":" + now.toEpochMilli() + ":"
                + Integer.toHexString(scope.key().hashCode());
        try {
            Boolean done = transactions.execute(tx -> {
                if (!claim.claim()) {
                    return false;
                }
                planner.spike(s, detail, dedup, now);
                return true;
            });
            return Boolean.TRUE.equals(done);
        } catch (DuplicateKeyException e) {
            return false; // another instance announced it first
        }
    }

    /** The articles driving it: the most relevant in the window. */
    private List<Story> top(Subscription s, Scope scope, Instant from, Instant to) {
        return search
                .search(new ArticleQuery(
                        text(s), null, from, to, 0, TOP_ARTICLES, scope.filters(), ArticleQuery.Sort.RELEVANCE))
                .items()
                .stream()
                .map(h -> Story.of(h.article()))
                .toList();
    }

    private static @Nullable String text(Subscription s) {
        return SubscriptionQuery.matchesAll(s.query()) ? null : s.query();
    }

    static String scope(Subscription s) {
        if (SubscriptionQuery.matchesAll(s.query()) && s.filters().topics().size() == 1) {
            return "topic " + s.filters().topics().keySet().iterator().next();
        }
        return "\"" + s.name() + "\"";
    }
}
