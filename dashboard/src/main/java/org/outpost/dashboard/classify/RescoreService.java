package org.outpost.dashboard.classify;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.BulkReport;
import org.outpost.core.index.VersionedArticle;
import org.outpost.dashboard.audit.Auditing;
import org.outpost.dashboard.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Re-scores every stored article in the background after the topic file changed: reloads the
 * topics, then reads the index in batches and rewrites each article with its new scores,
 * labels and entities. Searches keep working throughout; an article changed meanwhile keeps
 * its newer version (which was scored when it was indexed).
 *
 * <p>One run for the whole deployment: the run is the {@code rescore_run} row ({@link RescoreRuns}),
 * claimed by a conditional update, so of two instances asked at once one runs and the other
 * refuses; every instance's status reads the row. The running instance saves its progress every
 * {@code rescore-heartbeat}; a run whose heartbeat is older than {@code rescore-timeout} is shown
 * failed (its instance died) and may be started again. An instance that finds its claim gone (it
 * could not save for that long) stops, so two never run at once.
 */
@Service
public class RescoreService {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(RescoreService.class);

    private final ArticleIndex index;
    private final ClassifierService classifiers;
    private final ApplicationEventPublisher events;
    private final RescoreRuns runs;
    private final ClassifierProperties properties;
    private final Clock clock;
    private final String instance;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outpost-rescore").daemon().factory());
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outpost-rescore-heartbeat").daemon().factory());
    private volatile @Nullable Progress active;

    RescoreService(
            ArticleIndex index,
            ClassifierService classifiers,
            ApplicationEventPublisher events,
            RescoreRuns runs,
            ClassifierProperties properties,
            LiveEvents live,
            Optional<Clock> clock) {
        this.events = events;
        this.index = index;
        this.classifiers = classifiers;
        this.runs = runs;
        this.properties = properties;
        this.instance = live.origin();
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The deployment's run, whichever instance runs it. */
    public RescoreStatus status() {
        Instant now = clock.instant();
        runs.failStale(now.minus(properties.rescoreTimeout()), now);
        return runs.read();
    }

    /**
     * Reloads the topic definitions and starts re-scoring.
     *
     * @throws IllegalArgumentException when the topic or gazetteer file is not valid (nothing starts)
     * @throws IllegalStateException when a run is already going, here or on another instance
     */
    public synchronized RescoreStatus start() {
        refuseIfRunning(status());
        Classifier classifier = classifiers.reload();
        events.publishEvent(Auditing.byCurrentUser(
                "TOPICS_RELOADED",
                "topics",
                String.join(",", classifier.topicDefinitions().ids())));
        long total = index.count();
        Instant now = clock.instant();
        if (!runs.claim(instance, total, now, now.minus(properties.rescoreTimeout()))) {
            refuseIfRunning(runs.read());
            throw new IllegalStateException("Re-scoring is already running");
        }
        Progress progress = new Progress();
        long every = properties.rescoreHeartbeat().toMillis();
        progress.beat = heartbeat.scheduleWithFixedDelay(() -> save(progress), every, every, TimeUnit.MILLISECONDS);
        active = progress;
        worker.submit(() -> run(classifier, total, progress));
        return runs.read();
    }

    private static void refuseIfRunning(RescoreStatus status) {
        if (status.state() == RescoreStatus.State.RUNNING) {
            throw new IllegalStateException("Re-scoring is already running: " + status.processed() + " of "
                    + status.total() + " articles done");
        }
    }

    private void run(Classifier classifier, long total, Progress progress) {
        log.info(
                "Re-scoring {} articles with topics {}",
                total,
                classifier.topicDefinitions().ids());
        try {
            index.forEachBatch(BATCH, batch -> {
                if (progress.lost) {
                    throw new ClaimLost();
                }
                List<VersionedArticle> rescored = batch.stream()
                        .map(v -> v.withArticle(classifier.classify(v.article())))
                        .toList();
                BulkReport report = index.replaceIfUnchanged(rescored);
                long conflicts = report.failures().stream()
                        .filter(f -> f.status() == 409)
                        .count();
                progress.conflicts.addAndGet(conflicts);
                progress.failed.addAndGet(report.failures().size() - conflicts);
                progress.processed.addAndGet(batch.size());
            });
            index.refresh();
            end(progress, RescoreStatus.State.FINISHED, null);
            log.info(
                    "Re-scored {} articles ({} failed, {} changed meanwhile)",
                    progress.processed.get(),
                    progress.failed.get(),
                    progress.conflicts.get());
        } catch (ClaimLost e) {
            progress.beat.cancel(false);
            log.warn("Re-scoring stopped after {} articles: this instance lost its claim", progress.processed.get());
        } catch (RuntimeException e) {
            log.warn("Re-scoring failed", e);
            end(progress, RescoreStatus.State.FAILED, e.getMessage());
        } finally {
            active = null;
        }
    }

    /** The heartbeat: progress for every instance to show, and proof that this one still runs it. */
    private void save(Progress progress) {
        Instant now = clock.instant();
        try {
            if (runs.progress(
                    instance, progress.processed.get(), progress.failed.get(), progress.conflicts.get(), now)) {
                progress.savedAt = now;
                return;
            }
            progress.lost = true; // another instance took over a run it judged dead
        } catch (RuntimeException e) {
            log.warn("Saving re-scoring progress failed: {}", e.toString());
        }
        if (progress.savedAt.isBefore(now.minus(properties.rescoreTimeout()))) {
            progress.lost = true; // unsaved for so long that another instance may have taken over
        }
        if (progress.lost) {
            progress.beat.cancel(false);
        }
    }

    private void end(Progress progress, RescoreStatus.State state, @Nullable String error) {
        progress.beat.cancel(false);
        runs.end(
                instance,
                state,
                progress.processed.get(),
                progress.failed.get(),
                progress.conflicts.get(),
                error,
                clock.instant());
    }

    @PreDestroy
    void stop() {
        Progress running = active;
        if (running != null) {
            running.lost = true;
            try {
                end(running, RescoreStatus.State.FAILED, "the app instance running it was stopped");
            } catch (RuntimeException e) {
                log.warn("Could not record the end of re-scoring: {}", e.toString());
            }
        }
        worker.shutdownNow();
        heartbeat.shutdownNow();
    }

    /** One run's counters on this instance, saved by the heartbeat. */
    private final class Progress {
        final AtomicLong processed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        volatile boolean lost;
        volatile Instant savedAt = clock.instant();

        /** Set right after scheduling, before the first beat is due. */
        volatile ScheduledFuture<?> beat;
    }

    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super("claim lost", null, false, false);
        }
    }
}
