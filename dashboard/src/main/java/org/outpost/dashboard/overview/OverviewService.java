package org.outpost.dashboard.overview;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendQuery;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.trend.Spike;
import org.outpost.core.trend.SpikeDetector;
import org.outpost.dashboard.cache.CachedAggregations;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.ui.ViewLoadTimer;
import org.springframework.stereotype.Service;

/**
 * Gathers the overview's numbers from the index; the view only draws them. The aggregations are the same for
 * every reader of the same period and topic and come through {@link CachedAggregations}; the latest articles are
 * searched on every visit (a cheap search, and what a reader expects to be current).
 */
@Service
public class OverviewService {

    static final int LATEST = 12;
    /** Spikes whose articles are looked up: the chart rarely marks more, and each is one search. */
    static final int SPIKES_EXPLAINED = 12;
    /** Titles named per spike marker. */
    static final int SPIKE_ARTICLES = 3;

    private final ArticleSearch search;
    private final CachedAggregations stats;
    private final ClassifierService classifiers;
    private final SpikeDetector spikes = SpikeDetector.defaults();
    private final ViewLoadTimer timer;

    OverviewService(
            ArticleSearch search, CachedAggregations stats, ClassifierService classifiers, ViewLoadTimer timer) {
        this.search = search;
        this.stats = stats;
        this.classifiers = classifiers;
        this.timer = timer;
    }

    /** The topics in use, id to display name, in their file's order. */
    public Map<String, String> topicNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (TopicDefinition topic : classifiers.current().topicDefinitions().topics()) {
            names.put(topic.id(), topic.name());
        }
        return names;
    }

    public OverviewData load(Period period, @Nullable String topic, ZoneId zone) {
        return timer.time("overview", () -> compute(period, topic, zone));
    }

    private OverviewData compute(Period period, @Nullable String topic, ZoneId zone) {
        Map<String, String> names = topicNames();
        List<String> ids = List.copyOf(names.keySet());
        List<TrendBucket> trend =
                stats.trends(new TrendQuery(period.from(), period.to(), period.interval(), topic, null, zone), ids);
        List<Instant> buckets = trend.stream().map(TrendBucket::time).toList();
        Map<String, Long> now = stats.topicCounts(period.from(), period.to());
        Map<String, Long> before =
                stats.topicCounts(period.previous().from(), period.previous().to());
        // every topic's series feeds its sparkline; the chart and spike marks show the filtered topic only
        Map<String, List<Long>> series = new LinkedHashMap<>();
        List<TopicSummary> summaries = new ArrayList<>();
        List<Spike> found = new ArrayList<>();
        for (String id : ids) {
            List<Long> values =
                    trend.stream().map(b -> b.topics().getOrDefault(id, 0L)).toList();
            long count = now.getOrDefault(id, 0L);
            long previous = before.getOrDefault(id, 0L);
            summaries.add(new TopicSummary(
                    id,
                    names.get(id),
                    count,
                    previous,
                    previous == 0 ? null : (count - previous) / (double) previous,
                    values));
            if (topic == null || topic.equals(id)) {
                series.put(id, values);
                found.addAll(spikes.detect(id, buckets, values));
            }
        }
        String latestQuery = topic == null ? null : "topics:" + topic;
        return new OverviewData(
                period,
                now.getOrDefault("", 0L),
                before.getOrDefault("", 0L),
                buckets,
                series,
                summaries,
                found,
                stats.top("entities", period.from(), period.to(), topic, 10),
                stats.top("source", period.from(), period.to(), topic, 10),
                search.search(new ArticleQuery(latestQuery, null, period.from(), period.to(), 0, LATEST))
                        .items(),
                drivers(found, buckets, period.to()));
    }

    /** The articles of each spike's bucket in its topic: what its chart marker names. */
    private Map<Spike, List<String>> drivers(List<Spike> spikes, List<Instant> buckets, Instant periodEnd) {
        Map<Spike, List<String>> out = new LinkedHashMap<>();
        spikes.stream()
                .sorted(java.util.Comparator.comparing(Spike::bucket).reversed())
                .limit(SPIKES_EXPLAINED)
                .forEach(spike -> {
                    int i = buckets.indexOf(spike.bucket());
                    Instant end = i >= 0 && i + 1 < buckets.size() ? buckets.get(i + 1) : periodEnd;
                    out.put(
                            spike,
                            stats
                                    .spikeArticles(new ArticleQuery(
                                            null,
                                            null,
                                            spike.bucket(),
                                            end.minusMillis(1),
                                            0,
                                            SPIKE_ARTICLES,
                                            new ArticleQuery.Filters(
                                                    Map.of(spike.topic(), 0.0), List.of(), List.of(), List.of()),
                                            ArticleQuery.Sort.NEWEST))
                                    .stream()
                                    .map(hit -> hit.article().title())
                                    .toList());
                });
        return out;
    }
}
