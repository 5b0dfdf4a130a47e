package org.outpost.alerts.match;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Meters: time to match one article against all subscriptions, and how many are loaded. */
@Component
class MatchMetrics {

    private final Timer timer;
    private final AtomicInteger loaded = new AtomicInteger();

    MatchMetrics(MeterRegistry registry) {
        this.timer = Timer.builder("outpost.alerts.match")
                .description("Matching one article against every subscription")
                .publishPercentileHistogram()
                .register(registry);
        registry.gauge("outpost.alerts.subscriptions.loaded", loaded);
    }

    void matched(long nanos, int subscriptions) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
        loaded.set(subscriptions);
    }
}
