package org.outpost.crawler;

import java.time.Duration;
import java.time.Instant;
import org.outpost.crawler.ingest.QueueDrainer;
import org.outpost.crawler.run.RunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Background upkeep: drains the durable ingest queue, and ends runs whose instance died. */
@Component
class CrawlerMaintenance {

    private static final Logger log = LoggerFactory.getLogger(CrawlerMaintenance.class);
    /** A run that has not sent a heartbeat for this long belongs to a dead instance. */
    static final Duration STALE = org.outpost.crawler.run.RunRepository.LEASE;

    private final QueueDrainer drainer;
    private final RunRepository runs;

    CrawlerMaintenance(QueueDrainer drainer, RunRepository runs) {
        this.drainer = drainer;
        this.runs = runs;
    }

    @Scheduled(fixedDelayString = "${outpost.crawler.queue-drain-interval:15s}", initialDelayString = "5s")
    void drainQueue() {
        try {
            drainer.drain();
        } catch (RuntimeException e) {
            log.warn("Draining the ingest queue failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 0)
    void endStaleRuns() {
        int ended = runs.markInterrupted(Instant.now().minus(STALE));
        if (ended > 0) {
            log.warn("Marked {} runs of stopped instances as interrupted", ended);
        }
    }
}
