package org.outpost.dashboard.topic;

import java.time.Instant;
import java.util.List;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.TermCount;
import org.outpost.dashboard.overview.Period;

/**
 * Everything the topic page shows for one period.
 *
 * @param counts articles of the topic per bucket, one per entry of {@code buckets}
 * @param total articles of the topic in the period
 */
public record TopicData(
        Period period,
        long total,
        List<Instant> buckets,
        List<Long> counts,
        List<TermCount> entities,
        List<TermCount> sources,
        List<TermCount> emergingTerms,
        List<ArticleHit> latest) {}
