package org.outpost.dashboard.classify;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classification;
import org.outpost.core.topic.TermContribution;
import org.outpost.core.topic.learn.TopicModel;

/**
 * The classify API's answer: the language the text was recognised in ({@code ru}, {@code en}, {@code tg}, {@code uz},
 * {@code ky}, {@code kk} or {@code other}), every topic's score, the labels, entities and why each topic scored.
 *
 * @param explanations per topic, the clauses that matched
 * @param ruleScores every topic's score from the clauses alone (the score blends it with the model's)
 * @param learned per topic, the model's terms in the text that weighed most, for it or against it
 * @param model the version of the learned model blended in, null for the clauses alone
 */
record ClassifyResponse(
        String language,
        Map<String, Double> topics,
        List<String> labels,
        List<EntityJson> entities,
        Map<String, List<TermContribution>> explanations,
        Map<String, Double> ruleScores,
        Map<String, List<TermContribution>> learned,
        @Nullable String model) {

    record EntityJson(String type, String name) {}

    static ClassifyResponse of(Classification c, @Nullable TopicModel model) {
        return new ClassifyResponse(
                c.language().code(),
                c.topics().scores(),
                c.topics().labels(),
                c.entities().stream()
                        .map(e -> new EntityJson(e.type().key(), e.name()))
                        .toList(),
                c.topics().explanations(),
                c.topics().ruleScores(),
                c.topics().learned(),
                model == null ? null : model.version());
    }
}
