package org.outpost.dashboard.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.Fanout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of one kind of aggregation, by everything that shapes them (the key), for a bounded time and
 * number. Readers asking for an answer being counted wait for that count instead of starting their own: fifty
 * readers opening the same week cost one aggregation. An answer whose period includes now and that may lack
 * articles announced since ({@link IngestNotices}) is counted again once it is {@code afterIngest} old.
 *
 * <p>An answer older than its lifetime, with no articles announced since it was counted, is still right (only
 * ingest changes a count of fixed instants): it is handed out once more while one recount runs in the background,
 * so a reader does not pay for the lifetime running out. Past twice its lifetime it is dropped and the next reader
 * counts it on the way. Hits, misses and such stale hits are counted per kind ({@code
 * outpost.dashboard.cache.gets}, tags {@code kind}, {@code result} = {@code hit}, {@code miss}, {@code stale}).
 *
 * @param <K> the key: a record of every argument of the aggregation
 */
public final class AggregationCache<K, V> {

    private static final Logger log = LoggerFactory.getLogger(AggregationCache.class);

    private final long lifetime;
    private final long afterIngest;
    private final Ticker ticker;
    private final Executor recounts;
    /** Keys whose stale answer is being counted again in the background: one recount per key at a time. */
    private final Set<K> recounting = ConcurrentHashMap.newKeySet();

    private final IngestNotices notices;
    /** Futures, so that a count in progress is found by the readers who ask for it meanwhile. Null: kind off. */
    private final @Nullable Cache<K, CompletableFuture<Counted<V>>> answers;

    private final Counter hits;
    private final Counter misses;
    private final Counter stale;

    private record Counted<V>(V value, long started) {}

    /**
     * @param kind the meters' tag
     * @param lifetime how long an answer is kept at most; zero keeps none
     */
    public AggregationCache(
            String kind,
            Duration lifetime,
            int maxEntries,
            Duration afterIngest,
            IngestNotices notices,
            MeterRegistry meters) {
        this(kind, lifetime, maxEntries, afterIngest, notices, meters, Ticker.systemTicker(), RECOUNTS);
    }

    /** Background recounts of stale answers: few at a time (one per key), each an aggregation that waits on the node. */
    private static final Executor RECOUNTS = java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dashboard-recount-", 0).factory());

    AggregationCache(
            String kind,
            Duration lifetime,
            int maxEntries,
            Duration afterIngest,
            IngestNotices notices,
            MeterRegistry meters,
            Ticker ticker,
            Executor recounts) {
        this.lifetime = lifetime.toNanos();
        this.afterIngest = afterIngest.toNanos();
        this.ticker = ticker;
        this.recounts = recounts;
        this.notices = notices;
        this.answers = lifetime.isZero()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfterWrite(lifetime.multipliedBy(2))
                        .ticker(ticker)
                        .<K, CompletableFuture<Counted<V>>>build();
        this.hits = counter(meters, kind, "hit");
        this.misses = counter(meters, kind, "miss");
        this.stale = counter(meters, kind, "stale");
        if (answers != null) {
            Gauge.builder("outpost.dashboard.cache.size", answers, Cache::estimatedSize)
                    .description("Answers a dashboard cache holds")
                    .tag("kind", kind)
                    .register(meters);
        }
    }

    private static Counter counter(MeterRegistry meters, String kind, String result) {
        return Counter.builder("outpost.dashboard.cache.gets")
                .description("Dashboard aggregations answered from the cache (hit) or counted (miss)")
                .tag("kind", kind)
                .tag("result", result)
                .register(meters);
    }

    /**
     * The kept answer for this key, or {@code count}'s, kept. A failed count is not kept: every reader waiting
     * for it gets its exception, and the next asks again.
     *
     * @param includesNow whether the key's period includes the present, where new articles land
     */
    public V get(K key, boolean includesNow, Supplier<V> count) {
        if (answers == null) {
            misses.increment();
            return count.get();
        }
        while (true) {
            CompletableFuture<Counted<V>> mine = new CompletableFuture<>();
            CompletableFuture<Counted<V>> held = answers.asMap().putIfAbsent(key, mine);
            if (held == null) {
                misses.increment();
                return countInto(key, mine, count);
            }
            Counted<V> done = held.getNow(null);
            if (done != null && includesNow && lacksArticles(done)) {
                answers.asMap().remove(key, held);
                continue;
            }
            if (done != null && ticker.read() - done.started() >= lifetime) {
                stale.increment();
                recountInBackground(key, held, count);
                return done.value();
            }
            hits.increment();
            // another reader is counting it: its answer, or the very exception it ended with
            return Fanout.join(held).value();
        }
    }

    private boolean lacksArticles(Counted<V> answer) {
        return notices.mayLackArticles(answer.started()) && ticker.read() - answer.started() >= afterIngest;
    }

    /** Counts a stale answer again off the reader's path; the kept one stays until the new one replaces it. */
    private void recountInBackground(K key, CompletableFuture<Counted<V>> held, Supplier<V> count) {
        if (!recounting.add(key)) {
            return;
        }
        try {
            recounts.execute(() -> {
                try {
                    long started = ticker.read();
                    V value = count.get();
                    answers()
                            .asMap()
                            .replace(key, held, CompletableFuture.completedFuture(new Counted<>(value, started)));
                } catch (RuntimeException | Error e) {
                    // the stale answer stays until it expires; the reader after that counts on the way and sees why
                    log.debug("Recounting a stale dashboard answer failed: {}", e.toString());
                } finally {
                    recounting.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            recounting.remove(key);
        }
    }

    private V countInto(K key, CompletableFuture<Counted<V>> mine, Supplier<V> count) {
        long started = ticker.read();
        try {
            V value = count.get();
            mine.complete(new Counted<>(value, started));
            return value;
        } catch (RuntimeException | Error e) {
            answers().asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private Cache<K, CompletableFuture<Counted<V>>> answers() {
        if (answers == null) {
            throw new IllegalStateException("this kind keeps no answers");
        }
        return answers;
    }

    /** Drops every kept answer (topics reloaded, a test's fresh start). */
    public void clear() {
        if (answers != null) {
            answers.invalidateAll();
        }
    }
}
