package org.outpost.crawler;

import org.outpost.crawler.ingest.IngestQueue;
import org.springframework.stereotype.Service;

/** How the crawler's ingest is doing, as the status page shows it; the queue itself stays inside the crawler. */
@Service
public class IngestStatus {

    private final IngestQueue queue;

    IngestStatus(IngestQueue queue) {
        this.queue = queue;
    }

    /** Articles waiting in the durable ingest queue, typically while the index is away. */
    public long queueDepth() {
        return queue.depth();
    }
}
