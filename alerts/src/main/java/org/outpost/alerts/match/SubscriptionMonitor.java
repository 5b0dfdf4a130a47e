package org.outpost.alerts.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Query;
import org.outpost.alerts.subscription.InvalidSubscriptionException;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionQuery;
import org.outpost.core.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every subscription's query in one Lucene {@link Monitor}: an article is matched against all
 * of them at once, with the monitor's presearcher skipping queries whose terms the article
 * lacks, so the cost grows with the number of subscriptions that could match, not with the
 * number of articles stored. Rebuilt from the database when subscriptions change.
 */
final class SubscriptionMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionMonitor.class);

    /** A built monitor and the subscriptions behind its query ids, swapped whole so matching never sees half a reload. */
    private record Loaded(Monitor monitor, Map<String, Subscription> byId) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Loaded loaded = build(List.of());

    /** Replaces the registered queries by these subscriptions'. */
    void load(List<Subscription> subscriptions) {
        Loaded next = build(subscriptions);
        Loaded old;
        lock.writeLock().lock();
        try {
            old = loaded;
            loaded = next;
        } finally {
            lock.writeLock().unlock();
        }
        try {
            old.monitor().close();
        } catch (IOException e) {
            log.debug("Closing the previous monitor failed", e);
        }
    }

    private static Loaded build(List<Subscription> subscriptions) {
        List<MonitorQuery> queries = new ArrayList<>();
        Map<String, Subscription> next = new java.util.HashMap<>();
        for (Subscription s : subscriptions) {
            try {
                queries.add(new MonitorQuery(
                        Long.toString(s.id()), SubscriptionQuery.parse(s.query()), s.query(), Map.of()));
                next.put(Long.toString(s.id()), s);
            } catch (InvalidSubscriptionException e) {
                // saved before a parser change made it invalid: the owner sees it in the view
                log.warn("Subscription {} of {} is skipped: {}", s.id(), s.owner(), e.getMessage());
            }
        }
        try {
            Monitor monitor = new Monitor(SubscriptionQuery.ANALYZER);
            if (!queries.isEmpty()) {
                monitor.register(queries);
            }
            return new Loaded(monitor, new java.util.concurrent.ConcurrentHashMap<>(next));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces one subscription's query in place: a change made here costs one query,
     * not a rebuild of all of them (the Lucene monitor takes registrations while matching).
     */
    void update(Subscription subscription) {
        String id = Long.toString(subscription.id());
        lock.readLock().lock();
        try {
            Query query;
            try {
                query = SubscriptionQuery.parse(subscription.query());
            } catch (InvalidSubscriptionException e) {
                loaded.monitor().deleteById(id);
                loaded.byId().remove(id);
                return;
            }
            loaded.monitor().register(new MonitorQuery(id, query, subscription.query(), Map.of()));
            loaded.byId().put(id, subscription);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    void remove(long subscriptionId) {
        String id = Long.toString(subscriptionId);
        lock.readLock().lock();
        try {
            loaded.byId().remove(id);
            loaded.monitor().deleteById(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        return loaded.byId().size();
    }

    /** The active subscriptions this article matches, query and filters. */
    List<Subscription> match(Article article, Instant now) {
        MatchingQueries<QueryMatch> matches;
        Map<String, Subscription> byId;
        lock.readLock().lock();
        try {
            byId = loaded.byId();
            matches = loaded.monitor().match(ArticleDocument.of(article), QueryMatch.SIMPLE_MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
        matches.getErrors()
                .forEach((id, error) ->
                        log.warn("Subscription {} failed on article {}: {}", id, article.id(), error.toString()));
        List<Subscription> out = new ArrayList<>();
        for (QueryMatch match : matches.getMatches()) {
            Subscription s = byId.get(match.getQueryId());
            if (s != null && s.isActive(now) && FilterCheck.passes(s.filters(), article)) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        loaded.monitor().close();
    }
}
