package org.outpost.dashboard.classify;

import java.util.function.Supplier;
import org.outpost.core.classify.Classifier;
import org.springframework.stereotype.Component;

/** The classifier in use, for the crawler's ingest pipeline: a topic reload reaches the next batch. */
@Component
class CurrentClassifier implements Supplier<Classifier> {

    private final ClassifierService classifiers;

    CurrentClassifier(ClassifierService classifiers) {
        this.classifiers = classifiers;
    }

    @Override
    public Classifier get() {
        return classifiers.current();
    }
}
