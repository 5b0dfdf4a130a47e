package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.IndexUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest stages after extraction: classify → recognise copies → bulk index → publish.
 *
 * <p>Work is done in batches by the thread that fills them ({@link IngestBatch}), so a crawl
 * can never run ahead of indexing and memory stays bounded by the batch size. When Elasticsearch
 * is unavailable a batch goes to the durable {@link IngestQueue} instead, to be recognised,
 * indexed and published by the {@link QueueDrainer} when it returns.
 */
@Component
public class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final Classification classification;
    private final Recognition recognition;
    private final BulkIndexing indexing;
    private final Publication publication;
    private final IngestQueue queue;
    private final IngestMetrics metrics;
    private final int batchSize;

    public IngestPipeline(
            ArticleIndex index,
            Supplier<Classifier> classifier,
            IngestQueue queue,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            IngestMetrics metrics,
            IngestSettings settings,
            CopyRecognition copies) {
        this.classification = new Classification(classifier);
        this.recognition = new Recognition(index, copies);
        this.indexing = new BulkIndexing(index);
        this.publication = new Publication(events, transactions, metrics);
        this.queue = queue;
        this.metrics = metrics;
        this.batchSize = settings.batchSize();
    }

    /** A batch for one run: add articles as they are extracted; close to flush the rest. */
    public IngestBatch batch() {
        return new IngestBatch(this, batchSize);
    }

    /** Runs a full batch through the stages; each callback hears its article's outcome exactly once. */
    void ingest(List<Pending> added) {
        if (added.isEmpty()) {
            return;
        }
        List<Article> classified =
                classification.classify(added.stream().map(Pending::article).toList());
        List<Pending> pending = new ArrayList<>(added.size());
        for (int i = 0; i < added.size(); i++) {
            pending.add(new Pending(classified.get(i), added.get(i).whenSettled()));
        }
        try {
            write(pending, () -> {});
        } catch (IndexUnavailableException e) {
            log.warn("Index unavailable, queueing {} articles: {}", pending.size(), e.getMessage());
            publication.settle(
                    pending.stream()
                            .map(p -> new Publication.Outcome(p, p.article(), IngestOutcome.QUEUED, e.getMessage()))
                            .toList(),
                    () -> queue.add(classified));
            metrics.queueDepthChanged();
        }
    }

    /**
     * Indexes articles that waited in the queue: the same stages as a live batch, no re-classifying.
     *
     * @param done what records the articles as done (deleting their queue rows): it commits with
     *     their publication
     * @return how many were written (indexed, unchanged or copies)
     * @throws IndexUnavailableException when Elasticsearch is still away
     */
    int indexQueued(List<Article> articles, Runnable done) {
        List<Pending> pending =
                articles.stream().map(a -> new Pending(a, outcome -> {})).toList();
        write(pending, done);
        return pending.size();
    }

    private void write(List<Pending> pending, Runnable alsoRecord) {
        try (Recognition.Batch batch =
                recognition.recognise(pending.stream().map(Pending::article).toList())) {
            List<Recognition.Recognised> recognised = batch.articles();
            List<Article> toIndex = recognised.stream()
                    .filter(r -> r.outcome() != IngestOutcome.UNCHANGED)
                    .map(Recognition.Recognised::article)
                    .toList();
            List<BulkIndexing.Written> results = indexing.index(toIndex);
            batch.indexed(results.stream()
                    .filter(BulkIndexing.Written::ok)
                    .map(BulkIndexing.Written::article)
                    .toList());
            Iterator<BulkIndexing.Written> written = results.iterator();
            List<Publication.Outcome> outcomes = new ArrayList<>(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                Recognition.Recognised r = recognised.get(i);
                if (r.outcome() == IngestOutcome.UNCHANGED) {
                    outcomes.add(new Publication.Outcome(pending.get(i), r.article(), IngestOutcome.UNCHANGED, null));
                    continue;
                }
                BulkIndexing.Written w = written.next();
                if (!w.ok()) {
                    log.warn(
                            "Article {} ({}) was refused by the index: {}",
                            w.article().id(),
                            w.article().url(),
                            w.refusal());
                    outcomes.add(
                            new Publication.Outcome(pending.get(i), w.article(), IngestOutcome.REJECTED, w.refusal()));
                    continue;
                }
                outcomes.add(new Publication.Outcome(pending.get(i), w.article(), r.outcome(), null));
            }
            publication.settle(outcomes, alsoRecord);
        }
    }

    /** An article waiting in a batch, with whom to tell its outcome. */
    record Pending(Article article, Consumer<Settled> whenSettled) {}

    /** The outcome of one article, told to whoever added it. */
    public record Settled(
            Article article,
            IngestOutcome outcome,
            @Nullable String reason) {}
}
