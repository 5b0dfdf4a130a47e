package org.outpost.dashboard.classify;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classifier;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.topic.TopicDefinitions;
import org.springframework.stereotype.Service;

/**
 * The classifier in use. {@link #reload()} reads the topic and gazetteer files again, so an
 * edited topic file takes effect without a restart; a file with errors leaves the current one
 * in place.
 */
@Service
public class ClassifierService {

    private final ClassifierProperties properties;
    private final AtomicReference<Classifier> current;

    ClassifierService(ClassifierProperties properties) {
        this.properties = properties;
        this.current = new AtomicReference<>(build(properties.topicsFile(), properties.gazetteerFile()));
    }

    public Classifier current() {
        return current.get();
    }

    /** @throws IllegalArgumentException saying what is wrong with a file; the classifier in use stays */
    public Classifier reload() {
        Classifier fresh = build(properties.topicsFile(), properties.gazetteerFile());
        current.set(fresh);
        return fresh;
    }

    /** The bundled topics and gazetteer, or the given topic file, plus the given gazetteer entries. */
    static Classifier build(@Nullable String topicsFile, @Nullable String gazetteerFile) {
        Gazetteer gazetteer = Gazetteer.defaults();
        if (gazetteerFile != null && !gazetteerFile.isBlank()) {
            gazetteer = gazetteer.extendedWith(Gazetteer.load(Path.of(gazetteerFile)));
        }
        return new Classifier(TopicDefinitions.load(topicsFile), gazetteer);
    }
}
