package org.outpost.dashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An answer past its lifetime: handed out once more while it is counted again off the reader's path, one recount
 * per key; past twice its lifetime, or when articles were announced since, counted on the reader's path. A fake
 * clock and a queue of background tasks the test runs when it chooses make the order exact.
 */
class AggregationCacheTest {

    private static final Duration LIFETIME = Duration.ofMinutes(1);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Runnable> background = new ArrayList<>();
    private final Executor queued = background::add;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final IngestNotices notices =
            new IngestNotices(new CacheProperties(LIFETIME, LIFETIME, LIFETIME, Duration.ZERO, Duration.ZERO, 10));
    private final AggregationCache<String, String> cache =
            new AggregationCache<>("test", LIFETIME, 10, Duration.ZERO, notices, meters, now::get, queued);
    private final AtomicInteger counted = new AtomicInteger();

    private String get() {
        return cache.get("week", true, () -> "count " + counted.incrementAndGet());
    }

    private void pass(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private double gets(String result) {
        return meters.counter("outpost.dashboard.cache.gets", "kind", "test", "result", result)
                .count();
    }

    @Test
    void anAnswerPastItsLifetime_isHandedOutWhileOneRecountRunsInTheBackground() {
        assertThat(get()).isEqualTo("count 1");
        pass(LIFETIME.plusSeconds(1));

        // two readers past the lifetime: both get the kept answer at once, and one recount is queued
        assertThat(get()).isEqualTo("count 1");
        assertThat(get()).isEqualTo("count 1");
        assertThat(background).hasSize(1);
        assertThat(counted).hasValue(1);
        assertThat(gets("stale")).isEqualTo(2);

        background.removeFirst().run();
        assertThat(counted).hasValue(2);
        // the recount replaced the answer and starts a new lifetime
        assertThat(get()).isEqualTo("count 2");
        pass(LIFETIME.minusSeconds(1));
        assertThat(get()).isEqualTo("count 2");
        assertThat(background).isEmpty();
        assertThat(gets("hit")).isEqualTo(2);
        assertThat(gets("miss")).isEqualTo(1);
    }

    @Test
    void aFailedRecount_keepsTheStaleAnswerAndLetsTheNextReaderTryAgain() {
        assertThat(get()).isEqualTo("count 1");
        pass(LIFETIME.plusSeconds(1));
        cache.get("week", true, () -> {
            throw new IllegalStateException("node away");
        });
        background.removeFirst().run();

        assertThat(get()).isEqualTo("count 1");
        assertThat(background).as("a new recount once the failed one is over").hasSize(1);
    }

    @Test
    void anAnswerPastTwiceItsLifetime_isCountedOnTheReadersPath() {
        assertThat(get()).isEqualTo("count 1");
        pass(LIFETIME.multipliedBy(2).plusSeconds(1));

        assertThat(get()).isEqualTo("count 2");
        assertThat(background).isEmpty();
    }

    @Test
    void anAnswerThatMayLackAnnouncedArticles_isCountedOnTheReadersPath_notServedStale() {
        // the notices compare against the system's nano time: keep the fake clock on it for this test
        now.set(System.nanoTime());
        assertThat(get()).isEqualTo("count 1");
        notices.articlesArrived();
        now.set(System.nanoTime() + 1);

        assertThat(get()).isEqualTo("count 2");
        assertThat(background).isEmpty();
    }
}
