package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleFingerprint;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.BulkReport;
import org.outpost.core.index.IndexUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Scores, deduplicates and indexes articles in bulk, and announces each one indexed.
 *
 * <p>Work is done in batches by the thread that fills them ({@link IngestBatch}), so a crawl
 * can never run ahead of indexing and memory stays bounded by the batch size. When Elasticsearch
 * is unavailable a batch goes to the durable {@link IngestQueue} instead, to be deduplicated and
 * indexed by the {@link QueueDrainer} when it returns.
 */
@Component
public class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final ArticleIndex index;
    private final Supplier<Classifier> classifier;
    private final IngestQueue queue;
    private final ApplicationEventPublisher events;
    private final IngestMetrics metrics;
    private final int batchSize;
    private final CopyRecognition copyRecognition;

    public IngestPipeline(ArticleIndex index, Supplier<Classifier> classifier, IngestQueue queue,
            ApplicationEventPublisher events, IngestMetrics metrics, IngestSettings settings, CopyRecognition copyRecognition) {
        this.index = index;
        this.copyRecognition = copyRecognition;
        this.classifier = classifier;
        this.queue = queue;
        this.events = events;
        this.metrics = metrics;
        this.batchSize = settings.batchSize();
    }

    /** A batch for one run: add articles as they are extracted; close to flush the rest. */
    public IngestBatch batch() {
        return new IngestBatch(this, batchSize);
    }

    Article score(Article article) {
        return classifier.get().classify(article);
    }

    /** Dedups and indexes scored articles; each callback hears its article's outcome exactly once. */
    void ingest(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            write(pending);
        } catch (IndexUnavailableException e) {
            log.warn("Index unavailable, queueing {} articles: {}", pending.size(), e.getMessage());
            queue.add(pending.stream().map(Pending::article).toList());
            metrics.queueDepthChanged();
            pending.forEach(p -> settle(p, IngestOutcome.QUEUED, e.getMessage()));
        }
    }

    /**
     * Indexes articles that waited in the queue: the same dedup as a live batch, no re-scoring.
     *
     * @return how many were written (indexed, unchanged or copies)
     * @throws IndexUnavailableException when Elasticsearch is still away
     */
    int indexQueued(List<Article> articles) {
        List<Pending> pending = articles.stream().map(a -> new Pending(a, outcome -> { })).toList();
        write(pending);
        return pending.size();
    }

    private void write(List<Pending> pending) {
        Map<String, ArticleFingerprint> existing = index.fingerprints(pending.stream().map(p -> p.article().id()).distinct().toList());
        try (CopyRecognition.Decisions copies = copyRecognition.recognise(
                pending.stream().map(Pending::article).filter(a -> !existing.containsKey(a.id())).toList())) {
            write(pending, existing, copies);
        }
    }

    private void write(List<Pending> pending, Map<String, ArticleFingerprint> existing, CopyRecognition.Decisions copies) {
        List<Article> toIndex = new ArrayList<>();
        List<Pending> written = new ArrayList<>();
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (Pending p : pending) {
            Article article = p.article();
            ArticleFingerprint stored = existing.get(article.id());
            if (stored != null && stored.contentHash().equals(article.contentHash())) {
                // announced before being recorded as settled, so a crash between the two
                // re-announces rather than losing the article's alerts
                events.publishEvent(new ArticleIndexed(article.withDuplicateOf(stored.duplicateOf()),
                        ArticleIndexed.Change.UNCHANGED));
                settle(p, IngestOutcome.UNCHANGED, null);
                continue;
            }
            IngestOutcome outcome;
            if (stored != null) {
                // a changed article keeps its place in its copy group
                article = article.withDuplicateOf(stored.duplicateOf());
                outcome = IngestOutcome.UPDATED;
            } else {
                String original = copies.originalOf(article);
                article = article.withDuplicateOf(original);
                outcome = original == null ? IngestOutcome.NEW : IngestOutcome.DUPLICATE;
            }
            toIndex.add(article);
            written.add(new Pending(article, p.whenSettled()));
            outcomes.add(outcome);
        }
        BulkReport report = index.index(toIndex);
        Map<String, BulkReport.Item> items = new java.util.HashMap<>();
        report.items().forEach(item -> items.put(item.id(), item));
        copies.indexed(written.stream().map(Pending::article)
                .filter(a -> items.containsKey(a.id()) && items.get(a.id()).ok()).toList());
        for (int i = 0; i < written.size(); i++) {
            Pending p = written.get(i);
            BulkReport.Item item = items.get(p.article().id());
            if (item == null || !item.ok()) {
                String reason = item == null ? "no result from the index" : item.error();
                log.warn("Article {} ({}) was refused by the index: {}", p.article().id(), p.article().url(), reason);
                settle(p, IngestOutcome.REJECTED, reason);
                continue;
            }
            // listeners (alert matching) first, the crawl's record of the page after: if the app
            // dies in between, the page is fetched again and announced as UNCHANGED
            events.publishEvent(new ArticleIndexed(p.article(), change(outcomes.get(i))));
            settle(p, outcomes.get(i), null);
        }
    }

    private void settle(Pending p, IngestOutcome outcome, @Nullable String reason) {
        metrics.ingested(p.article().source(), outcome);
        p.whenSettled().accept(new Settled(p.article(), outcome, reason));
    }

    private static ArticleIndexed.Change change(IngestOutcome outcome) {
        return switch (outcome) {
            case UPDATED -> ArticleIndexed.Change.UPDATED;
            case DUPLICATE -> ArticleIndexed.Change.DUPLICATE;
            default -> ArticleIndexed.Change.NEW;
        };
    }

    /** An article waiting in a batch, with whom to tell its outcome. */
    record Pending(Article article, Consumer<Settled> whenSettled) {
    }

    /** The outcome of one article, told to whoever added it. */
    public record Settled(Article article, IngestOutcome outcome, @Nullable String reason) {
    }
}
