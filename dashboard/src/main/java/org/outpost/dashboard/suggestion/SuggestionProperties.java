package org.outpost.dashboard.suggestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minMissing a term is proposed when at least this many articles marked as missing the
 *     topic contain it
 * @param candidates at most this many clauses are proposed per topic, each measured on the labelled
 *     sets (the measuring is what takes time)
 */
@ConfigurationProperties("outpost.suggestions")
record SuggestionProperties(
        @DefaultValue("2") int minMissing,
        @DefaultValue("10") int candidates) {}
