package org.outpost.crawler.ingest;

import java.util.List;
import org.outpost.core.article.Article;
import org.outpost.core.index.IndexUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes what waited in the durable queue once Elasticsearch answers again, oldest first.
 * Rows are deleted only after their batch is written, in the transaction that publishes it, so a
 * crash mid-drain repeats a batch (idempotent: ids are stable and unchanged content is not
 * written again), never loses one. One instance of a deployment drains at a time
 * ({@link DrainLease}); the others find the lease taken and leave the queue to it.
 */
@Component
public class QueueDrainer {

    private static final Logger log = LoggerFactory.getLogger(QueueDrainer.class);
    private static final int BATCH = 200;

    private final IngestQueue queue;
    private final IngestPipeline pipeline;
    private final IngestMetrics metrics;
    private final DrainLease lease;

    QueueDrainer(IngestQueue queue, IngestPipeline pipeline, IngestMetrics metrics, DrainLease lease) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.lease = lease;
    }

    /** @return articles indexed from the queue in this call (0 when empty or the index is still away) */
    public synchronized int drain() {
        if (!lease.acquire()) {
            return 0; // another instance drains
        }
        try {
            return drainHeld();
        } finally {
            lease.release();
        }
    }

    private int drainHeld() {
        int drained = 0;
        // renewed before each batch: a batch lasts far less than the lease
        while (lease.acquire()) {
            List<IngestQueue.Entry> entries = queue.oldest(BATCH);
            if (entries.isEmpty()) {
                break;
            }
            List<Long> ids = entries.stream().map(IngestQueue.Entry::id).toList();
            List<Article> articles =
                    entries.stream().map(IngestQueue.Entry::article).toList();
            try {
                // the rows go with the publication of their articles, in one transaction
                drained += pipeline.indexQueued(articles, () -> queue.remove(ids));
            } catch (IndexUnavailableException e) {
                queue.failed(ids, e.getMessage() == null ? e.toString() : e.getMessage());
                log.info("{} articles still wait for the index: {}", queue.depth(), e.getMessage());
                break;
            }
        }
        metrics.queueDepthChanged();
        if (drained > 0) {
            log.info("Indexed {} articles from the durable queue", drained);
        }
        return drained;
    }
}
