package org.outpost.dashboard.topic;

import java.time.ZoneId;
import java.util.Optional;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.Fanout;
import org.outpost.core.index.TopicFigures;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendQuery;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.overview.Period;
import org.springframework.stereotype.Service;

/** Gathers one topic's numbers from the index; the topic page only draws them. */
@Service
public class TopicService {

    static final int TOP = 10;
    static final int TERMS = 15;
    static final int LATEST = 10;
    private final ArticleSearch search;
    private final ArticleStats stats;
    private final ClassifierService classifiers;

    TopicService(ArticleSearch search, ArticleStats stats, ClassifierService classifiers) {
        this.search = search;
        this.stats = stats;
        this.classifiers = classifiers;
    }

    /** The topic as defined in the topic file in use (which can be reloaded, so asked each time). */
    public Optional<TopicDefinition> topic(String id) {
        return classifiers.current().topicDefinitions().topics().stream()
                .filter(t -> t.id().equals(id))
                .findFirst();
    }

    /** The figures and the latest articles are requested at once: the page waits for the slowest. */
    public TopicData load(String topic, Period period, ZoneId zone) {
        var latest = Fanout.start(
                () -> search.search(new ArticleQuery("topics:" + topic, null, period.from(), period.to(), 0, LATEST))
                        .items());
        TopicFigures figures = stats.topicFigures(
                new TrendQuery(period.from(), period.to(), period.interval(), topic, null, zone), TOP, TERMS);
        return new TopicData(
                period,
                figures.total(),
                figures.trend().stream().map(TrendBucket::time).toList(),
                figures.trend().stream().map(TrendBucket::total).toList(),
                figures.entities(),
                figures.sources(),
                figures.emergingTerms(),
                Fanout.join(latest));
    }
}
