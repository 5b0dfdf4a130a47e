package org.outpost.dashboard.model;

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
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classifier;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.LabelledText;
import org.outpost.core.topic.learn.ModelTrainer;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.dashboard.audit.Auditing;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.feedback.FeedbackExamples;
import org.outpost.dashboard.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Trains a candidate model in the background: on the shipped training passages and the feedback
 * (less its held-back share, see {@link TrainingData}), beside the topic clauses in use; then
 * measures the candidate, the model in use and the rules alone on the same held-out texts and
 * stores the candidate with the three reports, so the Topics page and a switch compare like with like.
 *
 * <p>One run for the deployment, as re-scoring has: the {@code model_training_run} row
 * ({@link TrainingRuns}), claimed by a conditional update, its progress saved every
 * {@code heartbeat} by the instance that runs it, shown failed once its heartbeat is older than
 * {@code timeout}. A scheduled run ({@link ModelSchedule}) may switch its candidate on when it is
 * not worse and {@code auto-switch} is set; otherwise a worse scheduled candidate is stored rejected.
 */
@Service
public class ModelTraining {

    private static final Logger log = LoggerFactory.getLogger(ModelTraining.class);

    private final ClassifierService classifiers;
    private final FeedbackExamples feedback;
    private final TopicModels models;
    private final TrainingRuns runs;
    private final ModelSwitch switcher;
    private final ModelProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outpost-model-training").daemon().factory());
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("outpost-model-training-heartbeat")
            .daemon()
            .factory());
    private volatile @Nullable Progress active;

    ModelTraining(
            ClassifierService classifiers,
            FeedbackExamples feedback,
            TopicModels models,
            TrainingRuns runs,
            ModelSwitch switcher,
            ModelProperties properties,
            ApplicationEventPublisher events,
            LiveEvents live,
            Optional<Clock> clock) {
        this.classifiers = classifiers;
        this.feedback = feedback;
        this.models = models;
        this.runs = runs;
        this.switcher = switcher;
        this.properties = properties;
        this.events = events;
        this.instance = live.origin();
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The deployment's run, whichever instance runs it. */
    public TrainingStatus status() {
        Instant now = clock.instant();
        runs.failStale(now.minus(properties.timeout()), now);
        return runs.read();
    }

    /**
     * Starts training a candidate.
     *
     * @param by the admin who asked, or {@link ModelRecord#SCHEDULE}
     * @throws IllegalStateException when a run is already going, here or on another instance
     */
    public synchronized TrainingStatus start(String by) {
        refuseIfRunning(status());
        Instant now = clock.instant();
        if (!runs.claim(instance, by, now, now.minus(properties.timeout()))) {
            refuseIfRunning(runs.read());
            throw new IllegalStateException("Training is already running");
        }
        Progress progress = new Progress();
        long every = properties.heartbeat().toMillis();
        progress.beat = heartbeat.scheduleWithFixedDelay(() -> save(progress), every, every, TimeUnit.MILLISECONDS);
        active = progress;
        worker.submit(() -> run(by, progress));
        return runs.read();
    }

    private static void refuseIfRunning(TrainingStatus status) {
        if (status.state() == TrainingStatus.State.RUNNING) {
            throw new IllegalStateException("A model is already being trained (" + status.step() + ", "
                    + Math.round(status.progress() * 100) + "% done)");
        }
    }

    private void run(String by, Progress progress) {
        try {
            ModelRecord candidate = train(by, progress);
            if (ModelRecord.SCHEDULE.equals(by)) {
                decide(candidate);
            }
            end(progress, TrainingStatus.State.FINISHED, candidate.version(), null);
            log.info(
                    "Trained topic model {} ({} texts, {} from feedback): held-out micro-F1 {} (in use: {})",
                    candidate.version(),
                    candidate.summary().texts(),
                    candidate.feedbackTexts(),
                    candidate.quality().micro().f1(),
                    candidate.baseline().micro().f1());
        } catch (ClaimLost e) {
            progress.beat.cancel(false);
            log.warn("Model training stopped: this instance lost its claim");
        } catch (RuntimeException e) {
            log.warn("Model training failed", e);
            end(progress, TrainingStatus.State.FAILED, null, String.valueOf(e.getMessage()));
        } finally {
            active = null;
        }
    }

    /** Trains, measures and stores one candidate. */
    ModelRecord train(String by, Progress progress) {
        progress.at(0, "collecting");
        Classifier inUse = classifiers.current();
        String baselineVersion = models.active().map(ModelRecord::version).orElse(ModelRecord.SHIPPED);
        List<String> topics = inUse.topicDefinitions().ids();
        List<LabelledText> examples = feedback.examples();
        TrainingData data = TrainingData.of(LabelledSets.shipped(topics), examples);
        TopicModel model = new ModelTrainer(inUse.rules())
                .train(data.training(), (done, step) -> progress.at(0.05 + 0.75 * done, step));
        progress.at(0.8, "evaluating");
        QualityReport rules = inUse.withModel(null).evaluate(data.heldOut(), topics);
        progress.at(0.85, "evaluating");
        QualityReport baseline = inUse.evaluate(data.heldOut(), topics);
        progress.at(0.9, "evaluating");
        QualityReport quality = inUse.withModel(model).evaluate(data.heldOut(), topics);
        progress.at(0.95, "storing");
        ModelRecord record = new ModelRecord(
                model.version(),
                clock.instant(),
                by,
                ModelState.CANDIDATE,
                model.summary(),
                quality,
                baselineVersion,
                baseline,
                rules,
                data.heldOut().size(),
                data.feedbackTrained(),
                null,
                null,
                null);
        models.storeCandidate(record, model.format());
        events.publishEvent(Auditing.event(by, "TOPIC_MODEL_TRAINED", "version", model.version()));
        return models.find(model.version()).orElse(record);
    }

    /** A scheduled candidate: switched on when not worse and allowed to, rejected when worse. */
    private void decide(ModelRecord candidate) {
        if (candidate.state() != ModelState.CANDIDATE) {
            return; // the same as the model in use
        }
        NotWorse.Refusal refusal = NotWorse.judge(candidate.quality(), candidate.baseline());
        if (refusal != null) {
            models.setState(candidate.version(), ModelState.REJECTED);
            log.info("Scheduled model {} rejected: {}", candidate.version(), refusal.message());
        } else if (properties.autoSwitch()) {
            switcher.activate(candidate.version(), ModelRecord.SCHEDULE);
        }
    }

    private void save(Progress progress) {
        Instant now = clock.instant();
        try {
            if (runs.progress(instance, progress.done, progress.step, now)) {
                progress.savedAt = now;
                return;
            }
            progress.lost = true;
        } catch (RuntimeException e) {
            log.warn("Saving training progress failed: {}", e.toString());
        }
        if (progress.savedAt.isBefore(now.minus(properties.timeout()))) {
            progress.lost = true;
        }
        if (progress.lost) {
            progress.beat.cancel(false);
        }
    }

    private void end(
            Progress progress, TrainingStatus.State state, @Nullable String candidate, @Nullable String error) {
        progress.beat.cancel(false);
        runs.end(
                instance,
                state,
                state == TrainingStatus.State.FINISHED ? 1 : progress.done,
                state == TrainingStatus.State.FINISHED ? "done" : progress.step,
                candidate,
                error,
                clock.instant());
    }

    @PreDestroy
    void stop() {
        Progress running = active;
        if (running != null) {
            running.lost = true;
            try {
                end(running, TrainingStatus.State.FAILED, null, "the app instance running it was stopped");
            } catch (RuntimeException e) {
                log.warn("Could not record the end of model training: {}", e.toString());
            }
        }
        worker.shutdownNow();
        heartbeat.shutdownNow();
    }

    /** One run's progress on this instance, saved by the heartbeat. */
    final class Progress {
        volatile double done;
        volatile String step = "collecting";
        volatile boolean lost;
        volatile Instant savedAt = clock.instant();

        /** Set right after scheduling, before the first beat is due. */
        volatile ScheduledFuture<?> beat;

        void at(double done, String step) {
            if (lost) {
                throw new ClaimLost();
            }
            this.done = done;
            this.step = step;
        }
    }

    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super("claim lost", null, false, false);
        }
    }
}
