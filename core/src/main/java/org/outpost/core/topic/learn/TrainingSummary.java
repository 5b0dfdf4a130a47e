package org.outpost.core.topic.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model was learned from and how: texts per origin and language, known positives and
 * negatives per topic, the size of its vocabulary, the blend weight chosen and the regularisation.
 *
 * @param blend how far the model counts beside the clauses, 0 to 1, averaged over topics ({@link TopicModel#blend()})
 * @param crossValidatedF1 micro-F1 of the blend on the training texts, each scored by a model that did not see it
 */
public record TrainingSummary(
        int texts,
        Map<String, Integer> origins,
        Map<String, Integer> languages,
        Map<String, Integer> positives,
        Map<String, Integer> negatives,
        int vocabulary,
        double blend,
        double l2,
        double crossValidatedF1) {

    public TrainingSummary {
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        positives = Collections.unmodifiableMap(new LinkedHashMap<>(positives));
        negatives = Collections.unmodifiableMap(new LinkedHashMap<>(negatives));
    }
}
