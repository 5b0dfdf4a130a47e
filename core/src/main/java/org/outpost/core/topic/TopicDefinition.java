package org.outpost.core.topic;

import java.util.List;
import java.util.Objects;

/**
 * A topic: weighted clauses in Lucene query syntax, exclusions, and the score at which an
 * article is labelled with it.
 */
public record TopicDefinition(String id, String name, String description, double threshold, List<Clause> terms,
        List<Clause> exclude) {

    public TopicDefinition {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("topic id '" + id + "' must be lower_snake_case");
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("topic " + id + ": threshold must be in (0, 1], was " + threshold);
        }
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("topic " + id + " has no terms");
        }
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        terms = List.copyOf(terms);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    /** One clause and its weight; for an exclusion the weight is subtracted. */
    public record Clause(String query, double weight) {
        public Clause {
            Objects.requireNonNull(query, "query");
            if (weight <= 0) {
                throw new IllegalArgumentException("clause '" + query + "': weight must be positive, was " + weight);
            }
        }
    }
}
