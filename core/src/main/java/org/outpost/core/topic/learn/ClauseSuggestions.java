package org.outpost.core.topic.learn;

import java.util.List;

/**
 * The clauses proposed for one topic, best first.
 *
 * @param missing how many texts analysts marked as missing the topic (every language)
 * @param candidates at most the suggester's limit, each measured
 */
public record ClauseSuggestions(String topic, int missing, List<ClauseSuggestion> candidates) {

    public ClauseSuggestions {
        candidates = List.copyOf(candidates);
    }
}
