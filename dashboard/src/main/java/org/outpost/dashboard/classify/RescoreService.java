package org.outpost.dashboard.classify;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.BulkReport;
import org.outpost.core.index.VersionedArticle;
import org.outpost.dashboard.audit.Auditing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Re-scores every stored article in the background after the topic file changed: reloads the
 * topics, then reads the index in batches and rewrites each article with its new scores,
 * labels and entities. Searches keep working throughout; an article changed meanwhile keeps
 * its newer version (which was scored when it was indexed).
 */
@Service
public class RescoreService {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(RescoreService.class);

    private final ArticleIndex index;
    private final ClassifierService classifiers;
    private final ApplicationEventPublisher events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outpost-rescore");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<RescoreStatus> status = new AtomicReference<>(RescoreStatus.idle());

    RescoreService(ArticleIndex index, ClassifierService classifiers, ApplicationEventPublisher events) {
        this.events = events;
        this.index = index;
        this.classifiers = classifiers;
    }

    public RescoreStatus status() {
        return status.get();
    }

    /**
     * Reloads the topic definitions and starts re-scoring.
     *
     * @throws IllegalArgumentException when the topic or gazetteer file is not valid (nothing starts)
     * @throws IllegalStateException when a run is already going
     */
    public synchronized RescoreStatus start() {
        if (status.get().state() == RescoreStatus.State.RUNNING) {
            throw new IllegalStateException("Re-scoring is already running: "
                    + status.get().processed() + " of " + status.get().total() + " articles done");
        }
        Classifier classifier = classifiers.reload();
        events.publishEvent(Auditing.byCurrentUser(
                "TOPICS_RELOADED",
                "topics",
                String.join(",", classifier.topicDefinitions().ids())));
        long total = index.count();
        RescoreStatus started =
                new RescoreStatus(RescoreStatus.State.RUNNING, total, 0, 0, 0, Instant.now(), null, null);
        status.set(started);
        worker.submit(() -> run(classifier, started));
        return started;
    }

    private void run(Classifier classifier, RescoreStatus started) {
        log.info(
                "Re-scoring {} articles with topics {}",
                started.total(),
                classifier.topicDefinitions().ids());
        try {
            index.forEachBatch(BATCH, batch -> {
                List<VersionedArticle> rescored = batch.stream()
                        .map(v -> v.withArticle(classifier.classify(v.article())))
                        .toList();
                BulkReport report = index.replaceIfUnchanged(rescored);
                long conflicts = report.failures().stream()
                        .filter(f -> f.status() == 409)
                        .count();
                long failed = report.failures().size() - conflicts;
                status.updateAndGet(s -> new RescoreStatus(
                        s.state(),
                        s.total(),
                        s.processed() + batch.size(),
                        s.failed() + failed,
                        s.conflicts() + conflicts,
                        s.startedAt(),
                        null,
                        null));
            });
            index.refresh();
            RescoreStatus done = status.updateAndGet(s -> new RescoreStatus(
                    RescoreStatus.State.FINISHED,
                    s.total(),
                    s.processed(),
                    s.failed(),
                    s.conflicts(),
                    s.startedAt(),
                    Instant.now(),
                    null));
            log.info(
                    "Re-scored {} articles ({} failed, {} changed meanwhile)",
                    done.processed(),
                    done.failed(),
                    done.conflicts());
        } catch (RuntimeException e) {
            log.warn("Re-scoring failed", e);
            status.updateAndGet(s -> new RescoreStatus(
                    RescoreStatus.State.FAILED,
                    s.total(),
                    s.processed(),
                    s.failed(),
                    s.conflicts(),
                    s.startedAt(),
                    Instant.now(),
                    e.getMessage()));
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
