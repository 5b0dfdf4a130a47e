package org.outpost.alerts.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsProperties;
import org.outpost.core.index.ArticlePage;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.QueryLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * What users do with their subscriptions. Every call names the owner: another user's
 * subscription is not found, so nobody learns it exists.
 */
@NamedInterface("subscription")
@Service
public class SubscriptionService {

    public static final int MAX_PER_USER = 200;

    private final SubscriptionRepository repository;
    private final ArticleSearch search;
    private final ApplicationEventPublisher events;
    private final AlertsProperties properties;
    private final Clock clock;
    private final EmailConfirmations confirmations;

    public SubscriptionService(
            SubscriptionRepository repository,
            ArticleSearch search,
            ApplicationEventPublisher events,
            AlertsProperties properties,
            EmailConfirmations confirmations,
            Optional<Clock> clock) {
        this.repository = repository;
        this.search = search;
        this.events = events;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
        this.confirmations = confirmations;
    }

    public List<Subscription> list(String owner) {
        return repository.findByOwner(owner);
    }

    public Optional<Subscription> get(long id, String owner) {
        return repository.find(id).filter(s -> s.owner().equals(owner));
    }

    public Subscription create(String owner, SubscriptionDefinition definition) {
        return create(owner, definition, QueryLimits.NONE);
    }

    /** @param limits what the owner's query text may ask (the app decides it by role) */
    public Subscription create(String owner, SubscriptionDefinition definition, QueryLimits limits) {
        SubscriptionDefinition.Valid valid = definition.validate(properties.allowPrivateWebhooks(), limits);
        if (repository.findByOwner(owner).size() >= MAX_PER_USER) {
            throw new InvalidSubscriptionException("name", "tooMany", String.valueOf(MAX_PER_USER));
        }
        Subscription saved = repository.insert(owner, valid, firstDigest(valid));
        confirmations.request(owner, addresses(valid));
        events.publishEvent(new SubscriptionsChanged(saved.id()));
        return saved;
    }

    /** @return empty when the owner has no such subscription */
    public Optional<Subscription> update(long id, String owner, SubscriptionDefinition definition) {
        return update(id, owner, definition, QueryLimits.NONE);
    }

    /**
     * @param limits what the owner's query text may ask (the app decides it by role)
     * @return empty when the owner has no such subscription
     */
    public Optional<Subscription> update(long id, String owner, SubscriptionDefinition definition, QueryLimits limits) {
        SubscriptionDefinition.Valid valid = definition.validate(properties.allowPrivateWebhooks(), limits);
        Optional<Subscription> before = get(id, owner);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        // keep the digest on its track unless its schedule changed
        DigestSchedule schedule = new DigestSchedule(valid.frequency(), valid.time(), valid.day(), valid.zone());
        Instant next =
                before.get().digestSchedule().equals(schedule) && before.get().nextDigestAt() != null
                        ? before.get().nextDigestAt()
                        : firstDigest(valid);
        if (!repository.update(id, owner, valid, next)) {
            return Optional.empty();
        }
        confirmations.request(owner, addresses(valid));
        events.publishEvent(new SubscriptionsChanged(id));
        return repository.find(id);
    }

    public boolean delete(long id, String owner) {
        boolean deleted = repository.delete(id, owner);
        if (deleted) {
            events.publishEvent(new SubscriptionsChanged(id));
        }
        return deleted;
    }

    /** Mutes until the given time (null unmutes). */
    public boolean mute(long id, String owner, @Nullable Instant until) {
        boolean changed = repository.setMutedUntil(id, owner, until);
        if (changed) {
            events.publishEvent(new SubscriptionsChanged(id));
        }
        return changed;
    }

    public boolean pause(long id, String owner, boolean paused) {
        boolean changed = repository.setPaused(id, owner, paused);
        if (changed) {
            events.publishEvent(new SubscriptionsChanged(id));
        }
        return changed;
    }

    /**
     * Runs the query and filters against the index for the last 7 and 30 days, as a user checks
     * a subscription before saving it. Validates the query first so its error has a position.
     */
    public Preview preview(String query, ArticleQuery.Filters filters, int latest) {
        SubscriptionQuery.parse(query);
        String text = SubscriptionQuery.matchesAll(query) ? null : query;
        Instant now = clock.instant();
        ArticlePage month = search.search(new ArticleQuery(
                text,
                null,
                now.minus(Duration.ofDays(30)),
                now,
                0,
                Math.max(1, latest),
                filters,
                ArticleQuery.Sort.NEWEST));
        ArticlePage week = search.search(new ArticleQuery(
                text, null, now.minus(Duration.ofDays(7)), now, 0, 1, filters, ArticleQuery.Sort.NEWEST));
        return new Preview(week.total(), month.total(), latest == 0 ? List.of() : month.items());
    }

    private static List<String> addresses(SubscriptionDefinition.Valid valid) {
        return valid.channels().stream()
                .filter(c -> c instanceof Channel.Email)
                .map(c -> ((Channel.Email) c).address())
                .toList();
    }

    private @Nullable Instant firstDigest(SubscriptionDefinition.Valid valid) {
        return valid.frequency().isDigest()
                ? new DigestSchedule(valid.frequency(), valid.time(), valid.day(), valid.zone()).next(clock.instant())
                : null;
    }
}
