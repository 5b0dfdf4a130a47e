package org.outpost.dashboard.article;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a reader's query text may ask ({@code outpost.search.*}): in Explore, the articles API, exports, alert and
 * report queries.
 *
 * @param maxQueryLength longest query text, in characters
 * @param expensiveQueryRoles roles allowed leading wildcards ({@code *stan}) and regular expressions
 *     ({@code /.../}), whose cost grows with the index's vocabulary; empty: nobody
 */
@ConfigurationProperties("outpost.search")
record SearchProperties(
        @DefaultValue("1000") int maxQueryLength,
        @DefaultValue({"ANALYST", "ADMIN"}) List<String> expensiveQueryRoles) {}
