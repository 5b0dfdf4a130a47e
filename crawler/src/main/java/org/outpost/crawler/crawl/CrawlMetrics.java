package org.outpost.crawler.crawl;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.outpost.crawler.fetch.FetchResult;
import org.springframework.stereotype.Component;

/** Micrometer meters of crawling, tagged by source (documented in the README). */
@Component
class CrawlMetrics {

    private final MeterRegistry registry;

    CrawlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void fetched(String source, FetchResult result) {
        String status = result.status().name().toLowerCase(Locale.ROOT);
        registry.counter(
                        "outpost.crawler.pages",
                        "source",
                        source,
                        "status",
                        status,
                        "http",
                        result.httpStatus() == 0 ? "none" : Integer.toString(result.httpStatus()))
                .increment();
        registry.counter("outpost.crawler.bytes", "source", source).increment(result.body().length);
        Timer.builder("outpost.crawler.fetch.latency")
                .tag("source", source)
                .publishPercentiles(0.5, 0.95)
                .register(registry)
                .record(result.elapsed());
    }

    void error(String source, String kind) {
        if (kind.equals("EXTRACTION")) {
            registry.counter("outpost.crawler.extraction.failures", "source", source)
                    .increment();
        }
        registry.counter("outpost.crawler.errors", "source", source, "kind", kind.toLowerCase(Locale.ROOT))
                .increment();
    }

    void run(String source, String status) {
        registry.counter("outpost.crawler.runs", "source", source, "status", status.toLowerCase(Locale.ROOT))
                .increment();
    }
}
