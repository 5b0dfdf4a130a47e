package org.outpost.dashboard.classify;

import java.util.List;
import java.util.Map;
import org.outpost.core.classify.Classification;
import org.outpost.core.topic.TermContribution;

/**
 * The classify API's answer: the language the text was recognised in ({@code ru}, {@code en}, {@code tg}, {@code uz},
 * {@code ky}, {@code kk} or {@code other}), every topic's score, the labels, entities and why each topic scored.
 */
record ClassifyResponse(
        String language,
        Map<String, Double> topics,
        List<String> labels,
        List<EntityJson> entities,
        Map<String, List<TermContribution>> explanations) {

    record EntityJson(String type, String name) {}

    static ClassifyResponse of(Classification c) {
        return new ClassifyResponse(
                c.language().code(),
                c.topics().scores(),
                c.topics().labels(),
                c.entities().stream()
                        .map(e -> new EntityJson(e.type().key(), e.name()))
                        .toList(),
                c.topics().explanations());
    }
}
