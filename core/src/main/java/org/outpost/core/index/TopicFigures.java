package org.outpost.core.index;

import java.util.List;

/**
 * The numbers of one topic's page for a period.
 *
 * @param trend articles of the topic per time bucket, empty buckets included
 * @param entities the most frequent entities in the topic's articles
 * @param sources the sources that published most of them
 * @param emergingTerms words unusually frequent in the topic compared with all articles
 */
public record TopicFigures(
        List<TrendBucket> trend, List<TermCount> entities, List<TermCount> sources, List<TermCount> emergingTerms) {

    public long total() {
        return trend.stream().mapToLong(TrendBucket::total).sum();
    }
}
