package org.outpost.dashboard.model;

import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.dashboard.audit.Auditing;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.classify.RescoreService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Switches a candidate on, or the previous model back, here at once and on the other instances
 * through the topic-reload event (they read the active model again), then re-scores every stored
 * article so stored labels follow the model in use.
 */
@Service
public class ModelSwitch {

    private static final Logger log = LoggerFactory.getLogger(ModelSwitch.class);

    private final TopicModels models;
    private final ClassifierService classifiers;
    private final RescoreService rescore;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModelSwitch(
            TopicModels models,
            ClassifierService classifiers,
            RescoreService rescore,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.models = models;
        this.classifiers = classifiers;
        this.rescore = rescore;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The version in use, {@link ModelRecord#SHIPPED} for the shipped model. */
    public String activeVersion() {
        return models.active().map(ModelRecord::version).orElse(ModelRecord.SHIPPED);
    }

    /** Why {@code candidate} may not be switched on now, or null when it may. */
    public @Nullable SwitchRefused check(ModelRecord candidate) {
        String inUse = activeVersion();
        // training on the same texts gives the same model, version and all: the shipped one, while no feedback came in
        boolean shippedInUse = inUse.equals(ModelRecord.SHIPPED)
                && candidate.version().equals(TopicModel.shipped().version());
        if (candidate.state() == ModelState.ACTIVE || candidate.version().equals(inUse) || shippedInUse) {
            return SwitchRefused.of(SwitchRefused.Reason.ALREADY_ACTIVE, "This model is in use already");
        }
        if (!candidate.baselineVersion().equals(inUse)) {
            return SwitchRefused.otherBaseline(candidate.baselineVersion(), inUse);
        }
        NotWorse.Refusal worse = NotWorse.judge(candidate.quality(), candidate.baseline());
        return worse == null ? null : SwitchRefused.worse(worse);
    }

    /**
     * @throws NoSuchElementException when there is no such model
     * @throws SwitchRefused when it may not be switched on (worse, measured beside another model, in use)
     */
    public synchronized SwitchOutcome activate(String version, String by) {
        ModelRecord candidate =
                models.find(version).orElseThrow(() -> new NoSuchElementException("No model " + version));
        SwitchRefused refused = check(candidate);
        if (refused != null) {
            throw refused;
        }
        String previous = candidate.baselineVersion();
        TopicModel model = models.model(version);
        if (model == null || !models.activate(version, previous, by, clock.instant())) {
            throw SwitchRefused.of(
                    SwitchRefused.Reason.CHANGED_MEANWHILE, "Another model was switched on meanwhile: look again");
        }
        classifiers.use(model);
        events.publishEvent(Auditing.event(by, "TOPIC_MODEL_SWITCHED", "version", version, "previous", previous));
        log.info("Topic model {} switched on by {} in place of {}", version, by, previous);
        return new SwitchOutcome(version, previous, rescoreAll());
    }

    /** @throws SwitchRefused when the shipped model is in use already */
    public synchronized SwitchOutcome rollBack(String by) {
        String previous = activeVersion();
        String now = models.rollBack(by, clock.instant())
                .orElseThrow(() -> SwitchRefused.of(
                        SwitchRefused.Reason.NOTHING_TO_ROLL_BACK,
                        "The shipped model is in use: there is nothing to roll back to"));
        TopicModel model = ModelRecord.SHIPPED.equals(now) ? null : models.model(now);
        classifiers.use(model == null ? TopicModel.shipped() : model);
        events.publishEvent(Auditing.event(by, "TOPIC_MODEL_ROLLED_BACK", "version", now, "previous", previous));
        log.info("Topic model rolled back by {} from {} to {}", by, previous, now);
        return new SwitchOutcome(now, previous, rescoreAll());
    }

    private boolean rescoreAll() {
        try {
            rescore.start();
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("Re-scoring after the model switch did not start: {}", e.getMessage());
            return false;
        }
    }
}
