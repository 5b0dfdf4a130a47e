package org.outpost.dashboard.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.Fanout;

/**
 * The answers of one kind of aggregation, by everything that shapes them (the key), for a bounded time and
 * number. Readers asking for an answer being counted wait for that count instead of starting their own: fifty
 * readers opening the same week cost one aggregation. An answer whose period includes now and that may lack
 * articles announced since ({@link IngestNotices}) is counted again once it is {@code afterIngest} old.
 * Hits and misses are counted per kind ({@code outpost.dashboard.cache.gets}, tags {@code kind}, {@code result}).
 *
 * @param <K> the key: a record of every argument of the aggregation
 */
public final class AggregationCache<K, V> {

    private final long afterIngest;
    private final IngestNotices notices;
    /** Futures, so that a count in progress is found by the readers who ask for it meanwhile. Null: kind off. */
    private final @Nullable Cache<K, CompletableFuture<Counted<V>>> answers;

    private final Counter hits;
    private final Counter misses;

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
        this.afterIngest = afterIngest.toNanos();
        this.notices = notices;
        this.answers = lifetime.isZero()
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfterWrite(lifetime)
                        .<K, CompletableFuture<Counted<V>>>build();
        this.hits = counter(meters, kind, "hit");
        this.misses = counter(meters, kind, "miss");
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
            hits.increment();
            // another reader is counting it: its answer, or the very exception it ended with
            return Fanout.join(held).value();
        }
    }

    private boolean lacksArticles(Counted<V> answer) {
        return notices.mayLackArticles(answer.started()) && System.nanoTime() - answer.started() >= afterIngest;
    }

    private V countInto(K key, CompletableFuture<Counted<V>> mine, Supplier<V> count) {
        long started = System.nanoTime();
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
