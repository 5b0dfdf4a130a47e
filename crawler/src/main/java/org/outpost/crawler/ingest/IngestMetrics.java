package org.outpost.crawler.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Micrometer meters of the ingest pipeline (documented in the README). */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;
    private final IngestQueue queue;
    private final AtomicLong depth = new AtomicLong();

    public IngestMetrics(MeterRegistry registry, IngestQueue queue) {
        this.registry = registry;
        this.queue = queue;
        Gauge.builder("outpost.ingest.queue.depth", depth, AtomicLong::get)
                .description("Articles waiting in the durable queue for the index to return")
                .register(registry);
    }

    void ingested(String source, IngestOutcome outcome) {
        registry.counter(
                        "outpost.ingest.articles",
                        "source",
                        source,
                        "outcome",
                        outcome.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    /** Re-reads the queue depth; called when the queue changed, not on every scrape. */
    void queueDepthChanged() {
        depth.set(queue.depth());
    }
}
