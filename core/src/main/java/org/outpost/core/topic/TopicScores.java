package org.outpost.core.topic;

import java.util.List;
import java.util.Map;

/**
 * A text's score per topic (every topic, in definition order), the labels whose threshold it
 * reaches, and for each topic the clauses that matched.
 */
public record TopicScores(
        Map<String, Double> scores, List<String> labels, Map<String, List<TermContribution>> explanations) {

    public TopicScores {
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        labels = List.copyOf(labels);
        explanations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(explanations));
    }
}
