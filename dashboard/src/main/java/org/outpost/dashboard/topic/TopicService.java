package org.outpost.dashboard.topic;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.Fanout;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendQuery;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.dashboard.cache.CachedAggregations;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.overview.Period;
import org.outpost.dashboard.ui.ViewLoadTimer;
import org.springframework.stereotype.Service;

/** Gathers one topic's numbers from the index; the topic page only draws them. */
@Service
public class TopicService {

    static final int TOP = 10;
    static final int TERMS = 15;
    static final int LATEST = 10;
    private final ArticleSearch search;
    private final CachedAggregations stats;
    private final ClassifierService classifiers;
    private final ViewLoadTimer timer;

    TopicService(ArticleSearch search, CachedAggregations stats, ClassifierService classifiers, ViewLoadTimer timer) {
        this.search = search;
        this.stats = stats;
        this.classifiers = classifiers;
        this.timer = timer;
    }

    /** The topic as defined in the topic file in use (which can be reloaded, so asked each time). */
    public Optional<TopicDefinition> topic(String id) {
        return classifiers.current().topicDefinitions().topics().stream()
                .filter(t -> t.id().equals(id))
                .findFirst();
    }

    /**
     * The figures and the latest articles are requested at once: the page waits for the slowest, the emerging
     * terms, which like the other figures are the same for every reader and kept a while ({@link
     * CachedAggregations}); the latest articles are searched on every visit.
     */
    public TopicData load(String topic, Period period, ZoneId zone) {
        return timer.time("topic", () -> compute(topic, period, zone));
    }

    private TopicData compute(String topic, Period period, ZoneId zone) {
        // labelled with the topic, newest first, no total: the list, not a count of the period's articles
        var latest = Fanout.start(() -> search.latest(
                period.from(),
                period.to(),
                new ArticleQuery.Filters(Map.of(topic, 0.0), List.of(), List.of(), List.of()),
                LATEST));
        var emerging = Fanout.start(() -> stats.emergingTerms(period.from(), period.to(), topic, TERMS));
        var entities = Fanout.start(() -> stats.top("entities", period.from(), period.to(), topic, TOP));
        var sources = Fanout.start(() -> stats.top("source", period.from(), period.to(), topic, TOP));
        List<TrendBucket> trend = stats.trends(
                new TrendQuery(period.from(), period.to(), period.interval(), topic, null, zone), List.of(topic));
        return new TopicData(
                period,
                trend.stream().mapToLong(TrendBucket::total).sum(),
                trend.stream().map(TrendBucket::time).toList(),
                trend.stream().map(TrendBucket::total).toList(),
                Fanout.join(entities),
                Fanout.join(sources),
                Fanout.join(emerging),
                Fanout.join(latest));
    }
}
