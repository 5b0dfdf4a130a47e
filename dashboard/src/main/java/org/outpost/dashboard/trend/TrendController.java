package org.outpost.dashboard.trend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.index.TrendQuery;
import org.outpost.dashboard.article.QueryPolicy;
import org.outpost.dashboard.article.TimeParam;
import org.outpost.dashboard.classify.ClassifierService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/trends}: labelled article counts per bucket, computed by Elasticsearch aggregations. */
@RestController
class TrendController {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final ArticleStats stats;
    private final ClassifierService classifiers;

    private final QueryPolicy policy;

    TrendController(ArticleStats stats, ClassifierService classifiers, QueryPolicy policy) {
        this.stats = stats;
        this.classifiers = classifiers;
        this.policy = policy;
    }

    @GetMapping("/api/v1/trends")
    TrendResponse trends(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "day") String interval,
            @RequestParam(required = false) @Nullable String topic,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "UTC") String tz) {
        policy.check(q);
        List<String> topics = classifiers.current().topicDefinitions().ids();
        if (topic != null && !topic.isBlank() && !topics.contains(topic.strip())) {
            throw new IllegalArgumentException("unknown topic '" + topic + "'; known: " + String.join(", ", topics));
        }
        Instant end = TimeParam.parse("to", to, true);
        Instant until = end == null ? Instant.now() : end.plusMillis(1);
        Instant start = TimeParam.parse("from", from, false);
        TrendInterval width = TrendInterval.of(interval);
        TrendQuery query = new TrendQuery(
                start == null ? until.minus(DEFAULT_RANGE) : start, until, width, topic, q, TimeParam.zone("tz", tz));
        List<TrendBucket> buckets = stats.trends(query, topics);
        return new TrendResponse(width.key(), buckets);
    }

    record TrendResponse(String interval, List<TrendBucket> buckets) {}
}
