package org.outpost.core.topic.learn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.outpost.core.language.Language;

/**
 * Measures a labeller on labelled texts: for each text and each topic whose label is known, a
 * label given and known is right, given and known false is wrong, known and not given is missed.
 */
public final class ModelEvaluation {

    private ModelEvaluation() {}

    /**
     * @param labeller the labels a text gets (the classifier's, with or without a model)
     * @param topics the topics to report, in the order to show them
     */
    public static QualityReport evaluate(
            List<LabelledText> texts, List<String> topics, Function<LabelledText, Set<String>> labeller) {
        Map<Language, Map<String, TopicCounts>> counts = new LinkedHashMap<>();
        Map<Language, Integer> sizes = new LinkedHashMap<>();
        for (Language language : LabelledSets.LANGUAGES) {
            counts.put(language, new LinkedHashMap<>());
            sizes.put(language, 0);
        }
        for (LabelledText text : texts) {
            Set<String> given = labeller.apply(text);
            Map<String, TopicCounts> perTopic = counts.computeIfAbsent(text.language(), l -> new LinkedHashMap<>());
            sizes.merge(text.language(), 1, Integer::sum);
            for (String topic : topics) {
                Boolean known = text.label(topic);
                if (known == null) {
                    continue;
                }
                boolean labelled = given.contains(topic);
                TopicCounts one = known
                        ? (labelled ? new TopicCounts(1, 0, 0) : new TopicCounts(0, 0, 1))
                        : (labelled ? new TopicCounts(0, 1, 0) : TopicCounts.NONE);
                perTopic.merge(topic, one, TopicCounts::plus);
            }
        }
        Map<String, QualityReport.LanguageQuality> languages = new LinkedHashMap<>();
        counts.forEach((language, perTopic) -> {
            if (sizes.getOrDefault(language, 0) > 0) {
                Map<String, TopicCounts> ordered = new LinkedHashMap<>();
                topics.forEach(t -> ordered.put(t, perTopic.getOrDefault(t, TopicCounts.NONE)));
                languages.put(language.code(), new QualityReport.LanguageQuality(sizes.get(language), ordered));
            }
        });
        return new QualityReport(languages);
    }
}
