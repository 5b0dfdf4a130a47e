package org.outpost.core.index;

import java.time.Instant;
import java.util.List;

/**
 * An entity as the articles of a period name it: how many articles and distinct sources, which
 * sources (the first few by name) and when first.
 *
 * @param entity the typed name, e.g. {@code person:Emomali Rahmon}
 * @param sources distinct sources naming it (copies in another source count: that source named it too)
 * @param sourceNames some of those sources, at most {@link ArticleStats#SOURCE_NAMES}
 * @param first the earliest {@code dated_at} of an article naming it in the period
 */
public record EntitySources(String entity, long articles, long sources, List<String> sourceNames, Instant first) {

    public EntitySources {
        sourceNames = List.copyOf(sourceNames);
    }
}
