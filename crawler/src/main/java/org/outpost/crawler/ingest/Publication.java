package org.outpost.crawler.ingest;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publish stage: announces each article the index holds ({@link ArticleIndexed}) and tells
 * each caller its article's outcome, in one database transaction. The callers record the page
 * as crawled (or the queue row as done) in that transaction, and the app's event publication
 * registry stores the announcements in it: the record and the announcements commit together, and
 * listeners run after the commit, from the registry, which delivers again after a crash what
 * they had not finished.
 */
final class Publication {

    /** What became of one article, and whom to tell. */
    record Outcome(
            IngestPipeline.Pending pending,
            Article article,
            IngestOutcome outcome,
            @Nullable String reason) {}

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final IngestMetrics metrics;

    Publication(
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, IngestMetrics metrics) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
    }

    /** @param alsoRecord more writes that must commit with these outcomes (e.g. queue rows to delete) */
    void settle(List<Outcome> outcomes, Runnable alsoRecord) {
        if (outcomes.isEmpty()) {
            transactions.executeWithoutResult(tx -> alsoRecord.run());
            return;
        }
        transactions.executeWithoutResult(tx -> {
            alsoRecord.run();
            for (Outcome o : outcomes) {
                change(o.outcome()).ifPresent(change -> events.publishEvent(new ArticleIndexed(o.article(), change)));
                o.pending().whenSettled().accept(new IngestPipeline.Settled(o.article(), o.outcome(), o.reason()));
            }
        });
        outcomes.forEach(o -> metrics.ingested(o.article().source(), o.outcome()));
    }

    /**
     * What an outcome announces. An unchanged article is announced too: Elasticsearch and the
     * database do not commit together, so an app that dies after the bulk request and before this
     * transaction leaves an article in the index that was never announced, and its page unrecorded;
     * the page is fetched again, found unchanged, and only then announced. Matching is once per
     * story, so an article announced twice is still delivered once.
     */
    static Optional<ArticleIndexed.Change> change(IngestOutcome outcome) {
        return switch (outcome) {
            case NEW -> Optional.of(ArticleIndexed.Change.NEW);
            case UPDATED -> Optional.of(ArticleIndexed.Change.UPDATED);
            case DUPLICATE -> Optional.of(ArticleIndexed.Change.DUPLICATE);
            case UNCHANGED -> Optional.of(ArticleIndexed.Change.UNCHANGED);
            case QUEUED, REJECTED -> Optional.empty();
        };
    }
}
