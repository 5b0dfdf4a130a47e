package org.outpost.dashboard.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.Facets;
import org.outpost.core.index.TermCount;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendQuery;
import org.springframework.stereotype.Component;

/**
 * The dashboard's aggregations that are the same for every reader who asks the same thing, kept for a short
 * time ({@link CacheProperties}): the source names a filter offers, counts per period and topic, top entities
 * and sources, emerging terms, Explore's facet counts, the articles behind a spike. Each answer is kept under
 * every argument that shapes it (period, interval, time zone, topic, query text, facet filters, sizes), so one
 * reader's search never answers another's. Nothing per user reaches these aggregations: a reader's own limits
 * are checked before (Explore checks the query with the search that comes first).
 */
@Component
public class CachedAggregations {

    private final ArticleStats stats;
    private final ArticleSearch search;
    private final AggregationCache<Integer, List<String>> sources;
    private final AggregationCache<Top, List<TermCount>> tops;
    private final AggregationCache<Trend, List<TrendBucket>> trends;
    private final AggregationCache<Span, Map<String, Long>> topicCounts;
    private final AggregationCache<Emerging, List<TermCount>> emergingTerms;
    private final AggregationCache<FacetCount, Facets> facets;
    private final AggregationCache<ArticleQuery, List<ArticleHit>> spikeArticles;

    private record Top(
            String field,
            Instant from,
            Instant to,
            @Nullable String topic,
            int size) {}

    private record Trend(TrendQuery query, List<String> topicIds) {}

    private record Span(Instant from, Instant to) {}

    private record Emerging(Instant from, Instant to, String topic, int size) {}

    /** The query without what only pages or orders the hits. */
    private record FacetCount(
            @Nullable String text,
            @Nullable String source,
            @Nullable Instant from,
            @Nullable Instant to,
            ArticleQuery.Filters filters,
            int size) {}

    CachedAggregations(
            ArticleStats stats,
            ArticleSearch search,
            CacheProperties properties,
            IngestNotices notices,
            MeterRegistry meters) {
        this.stats = stats;
        this.search = search;
        this.sources = cache("sources", properties.sourcesLifetime(), properties, notices, meters);
        this.tops = cache("tops", properties.countsLifetime(), properties, notices, meters);
        this.trends = cache("trends", properties.countsLifetime(), properties, notices, meters);
        this.topicCounts = cache("topic-counts", properties.countsLifetime(), properties, notices, meters);
        this.emergingTerms = cache("emerging-terms", properties.emergingTermsLifetime(), properties, notices, meters);
        this.facets = cache("facets", properties.countsLifetime(), properties, notices, meters);
        this.spikeArticles = cache("spike-articles", properties.countsLifetime(), properties, notices, meters);
    }

    private static <K, V> AggregationCache<K, V> cache(
            String kind, Duration lifetime, CacheProperties properties, IngestNotices notices, MeterRegistry meters) {
        return new AggregationCache<>(
                kind, lifetime, properties.maxEntries(), properties.afterIngest(), notices, meters);
    }

    /** {@link ArticleSearch#sources}: over every article, so always including now. */
    public List<String> sources(int max) {
        return sources.get(max, true, () -> search.sources(max));
    }

    /** {@link ArticleStats#top}. */
    public List<TermCount> top(String field, Instant from, Instant to, @Nullable String topic, int size) {
        return tops.get(
                new Top(field, from, to, topic, size), includesNow(to), () -> stats.top(field, from, to, topic, size));
    }

    /** {@link ArticleStats#trends(TrendQuery, List)}. */
    public List<TrendBucket> trends(TrendQuery query, List<String> topicIds) {
        List<String> ids = List.copyOf(topicIds);
        // answers are shared between readers: none may change what another is handed
        return trends.get(new Trend(query, ids), includesNow(query.to()), () -> List.copyOf(stats.trends(query, ids)));
    }

    /** {@link ArticleStats#topicCounts}. */
    public Map<String, Long> topicCounts(Instant from, Instant to) {
        return topicCounts.get(
                new Span(from, to),
                includesNow(to),
                () -> java.util.Collections.unmodifiableMap(stats.topicCounts(from, to)));
    }

    /** {@link ArticleStats#emergingTerms}. */
    public List<TermCount> emergingTerms(Instant from, Instant to, String topic, int size) {
        return emergingTerms.get(
                new Emerging(from, to, topic, size), includesNow(to), () -> stats.emergingTerms(from, to, topic, size));
    }

    /** {@link ArticleSearch#facets}: the same counts whatever page or order the reader looks at. */
    public Facets facets(ArticleQuery query, int size) {
        return facets.get(
                new FacetCount(query.text(), query.source(), query.from(), query.to(), query.filters(), size),
                query.to() == null || includesNow(query.to()),
                () -> search.facets(query, size));
    }

    /** The hits of a search of a past spike's bucket, newest first ({@link ArticleSearch#search}). */
    public List<ArticleHit> spikeArticles(ArticleQuery query) {
        return spikeArticles.get(
                query,
                query.to() == null || includesNow(query.to()),
                () -> search.search(query).items());
    }

    private static boolean includesNow(Instant to) {
        return to.isAfter(Instant.now());
    }
}
