package org.outpost.crawler.ingest;

import java.time.Duration;

/**
 * @param batchSize articles per bulk request (and the most a run holds in memory)
 * @param drainInterval how often the durable queue is retried while it holds articles
 */
public record IngestSettings(int batchSize, Duration drainInterval) {

    public IngestSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }
}
