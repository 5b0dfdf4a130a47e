package org.outpost.dashboard.classify;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classifier;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.language.LanguageDetector;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.learn.TopicModel;
import org.outpost.dashboard.live.LiveEvents;
import org.outpost.dashboard.live.TopicsReloadedElsewhere;
import org.outpost.dashboard.model.TopicModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The classifier in use. {@link #reload()} reads the topic and gazetteer files again, so an
 * edited topic file takes effect without a restart; a file with errors leaves the current one
 * in place. A reload here tells the other app instances sharing the database, which read the files
 * again too (the files must be the same on every instance: one shared path or one deployment).
 *
 * <p>The learned model blended with the clauses is the one switched on in the database
 * ({@link TopicModels}), the shipped one while none is; a reload keeps it, {@link #use} replaces it
 * and tells the other instances the same way, which read the active model again.
 */
@Service
public class ClassifierService {

    private static final Logger log = LoggerFactory.getLogger(ClassifierService.class);

    private final ClassifierProperties properties;
    private final LiveEvents live;
    private final TopicModels models;
    private final AtomicReference<Classifier> current;

    ClassifierService(ClassifierProperties properties, LiveEvents live, TopicModels models) {
        this.properties = properties;
        this.live = live;
        this.models = models;
        this.current = new AtomicReference<>(
                build(properties.topicsFile(), properties.gazetteerFile()).withModel(activeModel()));
    }

    public Classifier current() {
        return current.get();
    }

    /** @throws IllegalArgumentException saying what is wrong with a file; the classifier in use stays */
    public Classifier reload() {
        Classifier files = build(properties.topicsFile(), properties.gazetteerFile());
        Classifier fresh = current.updateAndGet(c -> files.withModel(c.model()));
        live.topicsReloaded();
        return fresh;
    }

    /** Blends {@code model} with the clauses from now on, here and (told through the reload event) on the other instances. */
    public Classifier use(TopicModel model) {
        Classifier fresh = current.updateAndGet(c -> c.withModel(model));
        live.topicsReloaded();
        return fresh;
    }

    /** The model switched on in the database, else the shipped one; the shipped one too when the stored one cannot be read. */
    private TopicModel activeModel() {
        try {
            TopicModel active = models.activeModel();
            return active == null ? TopicModel.shipped() : active;
        } catch (RuntimeException e) {
            log.warn("The active topic model could not be read, the shipped one is used: {}", e.toString());
            return TopicModel.shipped();
        }
    }

    /** Another instance reloaded or switched models: the ingest here must score with the same topics and model. */
    @EventListener
    void on(TopicsReloadedElsewhere reloaded) {
        try {
            current.set(
                    build(properties.topicsFile(), properties.gazetteerFile()).withModel(activeModel()));
            log.info("Topics and model reloaded, as instance {} did", reloaded.origin());
        } catch (IllegalArgumentException e) {
            log.warn(
                    "Instance {} reloaded the topics, but this one's files are not valid: {}",
                    reloaded.origin(),
                    e.getMessage());
        }
    }

    /**
     * The bundled topics and gazetteer, or the given topic file, plus the given gazetteer entries, with the shipped
     * model (which weighs in only for the topics it was trained on).
     */
    static Classifier build(@Nullable String topicsFile, @Nullable String gazetteerFile) {
        Gazetteer gazetteer = Gazetteer.defaults();
        if (gazetteerFile != null && !gazetteerFile.isBlank()) {
            gazetteer = gazetteer.extendedWith(Gazetteer.load(Path.of(gazetteerFile)));
        }
        return new Classifier(
                TopicDefinitions.load(topicsFile), gazetteer, LanguageDetector.shared(), TopicModel.shipped());
    }
}
