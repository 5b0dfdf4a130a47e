package org.outpost.dashboard.classify;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
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
        this.current = new AtomicReference<>(build(properties));
    }

    public Classifier current() {
        return current.get();
    }

    /** @throws IllegalArgumentException saying what is wrong with a file; the classifier in use stays */
    public Classifier reload() {
        Classifier fresh = build(properties);
        current.set(fresh);
        return fresh;
    }

    private static Classifier build(ClassifierProperties properties) {
        Gazetteer gazetteer = Gazetteer.defaults();
        if (properties.gazetteerFile() != null && !properties.gazetteerFile().isBlank()) {
            gazetteer = gazetteer.extendedWith(Gazetteer.load(Path.of(properties.gazetteerFile())));
        }
        return new Classifier(TopicDefinitions.load(properties.topicsFile()), gazetteer);
    }
}
