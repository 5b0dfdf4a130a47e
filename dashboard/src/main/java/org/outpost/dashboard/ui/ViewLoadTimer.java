package org.outpost.dashboard.ui;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Times the server-side work behind a view ({@code outpost.view.load}, tag {@code view}), so a
 * load test can tell the server's share of a page load from the browser's. A histogram is
 * published because percentiles over a run are what a benchmark compares, not a mean.
 */
@Component
public class ViewLoadTimer {

    private final MeterRegistry registry;

    ViewLoadTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T time(String view, Supplier<T> work) {
        return Timer.builder("outpost.view.load")
                .description("Server-side work behind a view: its searches and aggregations")
                .tag("view", view)
                .publishPercentileHistogram()
                .register(registry)
                .record(work);
    }
}
