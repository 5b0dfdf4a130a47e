package org.outpost.core.topic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A text's score per topic (every topic, in definition order), the labels whose threshold it
 * reaches, and for each topic the clauses that matched. Where a learned model weighed in,
 * {@code ruleScores} holds what the clauses alone gave and {@code learned} the model's terms that
 * weighed most; without a model the rule scores are the scores and {@code learned} is empty.
 */
public record TopicScores(
        Map<String, Double> scores,
        List<String> labels,
        Map<String, List<TermContribution>> explanations,
        Map<String, Double> ruleScores,
        Map<String, List<TermContribution>> learned) {

    public TopicScores {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        labels = List.copyOf(labels);
        explanations = Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
        ruleScores = Collections.unmodifiableMap(new LinkedHashMap<>(ruleScores));
        learned = Collections.unmodifiableMap(new LinkedHashMap<>(learned));
    }

    /** Scores from the clauses alone. */
    public TopicScores(
            Map<String, Double> scores, List<String> labels, Map<String, List<TermContribution>> explanations) {
        this(scores, labels, explanations, scores, Map.of());
    }
}
