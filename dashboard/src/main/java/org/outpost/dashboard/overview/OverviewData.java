package org.outpost.dashboard.overview;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.TermCount;
import org.outpost.core.trend.Spike;

/**
 * Everything the overview shows for one period and topic filter.
 *
 * @param spikeArticles the titles of the articles driving each spike (the most recent spikes')
 */
public record OverviewData(
        Period period,
        long total,
        long previousTotal,
        List<Instant> buckets,
        Map<String, List<Long>> seriesByTopic,
        List<TopicSummary> topics,
        List<Spike> spikes,
        List<TermCount> entities,
        List<TermCount> sources,
        List<ArticleHit> latest,
        Map<Spike, List<String>> spikeArticles) {}
