package org.outpost.core.topic.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision, recall and F1 of one labeller per language and topic, on one set of labelled texts.
 *
 * @param languages per language code, in the order of {@link LabelledSets#LANGUAGES}
 */
public record QualityReport(Map<String, LanguageQuality> languages) {

    public QualityReport {
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
    }

    /** One language: how many texts, and the counts per topic in definition order. */
    public record LanguageQuality(int texts, Map<String, TopicCounts> topics) {
        public LanguageQuality {
            topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        }

        public TopicCounts micro() {
            return topics.values().stream().reduce(TopicCounts.NONE, TopicCounts::plus);
        }
    }

    /** Every language together. */
    public TopicCounts micro() {
        return languages.values().stream().map(LanguageQuality::micro).reduce(TopicCounts.NONE, TopicCounts::plus);
    }

    /** One topic over every language. */
    public TopicCounts topic(String topic) {
        return languages.values().stream()
                .map(l -> l.topics().getOrDefault(topic, TopicCounts.NONE))
                .reduce(TopicCounts.NONE, TopicCounts::plus);
    }

    public List<String> languageCodes() {
        return List.copyOf(languages.keySet());
    }
}
