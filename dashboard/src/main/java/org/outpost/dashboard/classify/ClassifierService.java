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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The classifier in use. {@link #reload()} reads the topic and gazetteer files again, so an
 * edited topic file takes effect without a restart; a file with errors leaves the current one
 * in place. A reload here tells the other app instances sharing the database, which read the files
 * again too (the files must be the same on every instance: one shared path or one deployment).
 */
@Service
public class ClassifierService {

    private static final Logger log = LoggerFactory.getLogger(ClassifierService.class);

    private final ClassifierProperties properties;
    private final LiveEvents live;
    private final AtomicReference<Classifier> current;

    ClassifierService(ClassifierProperties properties, LiveEvents live) {
        this.properties = properties;
        this.live = live;
        this.current = new AtomicReference<>(build(properties.topicsFile(), properties.gazetteerFile()));
    }

    public Classifier current() {
        return current.get();
    }

    /** @throws IllegalArgumentException saying what is wrong with a file; the classifier in use stays */
    public Classifier reload() {
        Classifier fresh = build(properties.topicsFile(), properties.gazetteerFile());
        current.set(fresh);
        live.topicsReloaded();
        return fresh;
    }

    /** Another instance reloaded: the ingest here must score with the same topics. */
    @EventListener
    void on(TopicsReloadedElsewhere reloaded) {
        try {
            current.set(build(properties.topicsFile(), properties.gazetteerFile()));
            log.info("Topics reloaded, as instance {} did", reloaded.origin());
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
