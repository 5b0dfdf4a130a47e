package org.outpost.core.index;

import static org.outpost.core.index.AliasedIndex.unavailable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Aggregations for the dashboard, the reports and the spike alerts: articles in all, per topic
 * and per time bucket, the most frequent entities and sources of a period, and the terms that
 * stand out in a topic. Copies of a story count once.
 *
 * <p>Every aggregation here (a search of no hits) asks for Elasticsearch's shard request cache
 * ({@code request_cache=true}): its periods are fixed instants, never {@code now}, so a shard
 * that did not change since (a past month's index) answers the same request from memory, whatever
 * an index's own setting says. A shard that refreshed with new articles counts afresh.
 */
public final class ArticleStats {

    private final AliasedIndex index;

    public ArticleStats(ElasticsearchClient client, String alias) {
        this(client, alias, null);
    }

    /** @param timeout longest a search may take before it is given up ({@link SearchTimeoutException}); null: no bound */
    public ArticleStats(ElasticsearchClient client, String alias, java.time.@Nullable Duration timeout) {
        this.index = new AliasedIndex(client, alias, timeout);
    }

    /** Counts originals only: copies of a story are not counted twice. */
    public long countOriginals() {
        try {
            // a search of no hits rather than the count API: searches carry the dashboard's timeout
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(ArticleQueryDsl.ORIGINALS),
                    Void.class);
            return response.hits().total() == null ? 0 : response.hits().total().value();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("count articles", e);
        }
    }

    /**
     * Article counts per time bucket and per topic label, by Elasticsearch aggregations. Empty
     * buckets inside the range are included, so a chart has no gaps.
     *
     * @param topicIds the topics to report in every bucket, in this order
     */
    public List<TrendBucket> trends(TrendQuery query, List<String> topicIds) {
        return trends(query, topicIds, ArticleQuery.Filters.NONE);
    }

    /**
     * The same, among the articles that also pass the facet filters (a subscription's volume).
     *
     * @throws InvalidQueryException when the query text is not valid Lucene syntax
     */
    public List<TrendBucket> trends(TrendQuery query, List<String> topicIds, ArticleQuery.Filters filters) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        ArticleQueryDsl.filter(bool, filters);
        bool.filter(ArticleQueryDsl.ORIGINALS);
        bool.filter(datedIn(query.from(), query.to()));
        if (query.topic() != null) {
            bool.filter(f -> f.term(t -> t.field("topics").value(query.topic())));
        }
        if (query.text() != null) {
            bool.must(ArticleQueryDsl.text(query.text()));
        }
        Query trendQuery = bool.build()._toQuery();
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .query(trendQuery)
                            .aggregations(
                                    "over_time",
                                    a -> a.dateHistogram(h -> h.field("dated_at")
                                                    .calendarInterval(query.interval().calendar)
                                                    .timeZone(query.zone().getId())
                                                    .minDocCount(0)
                                                    .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value((double)
                                                                    query.from().toEpochMilli())))
                                                            .max(FieldDateMath.of(m -> m.value((double) query.to()
                                                                    .minusMillis(1)
                                                                    .toEpochMilli())))))
                                            .aggregations(
                                                    "topics",
                                                    t -> t.terms(x ->
                                                            x.field("topics").size(Math.max(10, topicIds.size()))))),
                    Void.class);
            List<TrendBucket> buckets = new ArrayList<>();
            for (var bucket : response.aggregations()
                    .get("over_time")
                    .dateHistogram()
                    .buckets()
                    .array()) {
                Map<String, Long> perTopic = new LinkedHashMap<>();
                topicIds.forEach(id -> perTopic.put(id, 0L));
                for (var term :
                        bucket.aggregations().get("topics").sterms().buckets().array()) {
                    String id = term.key().stringValue();
                    if (perTopic.containsKey(id)) {
                        perTopic.put(id, term.docCount());
                    }
                }
                buckets.add(new TrendBucket(Instant.ofEpochMilli(bucket.key()), bucket.docCount(), perTopic));
            }
            return buckets;
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.queryFailure(query.text(), "compute trends", e);
        }
    }

    /** Articles in [from, to) in total ({@code ""}) and per topic label. */
    public Map<String, Long> topicCounts(Instant from, Instant to) {
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(period(from, to, null))
                            .aggregations(
                                    "topics",
                                    a -> a.terms(t -> t.field("topics").size(100))),
                    Void.class);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(
                    "",
                    response.hits().total() == null
                            ? 0
                            : response.hits().total().value());
            response.aggregations()
                    .get("topics")
                    .sterms()
                    .buckets()
                    .array()
                    .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
            return counts;
        } catch (ElasticsearchException | IOException e) {
            throw new IndexUnavailableException("Could not count articles per topic: " + e.getMessage(), e);
        }
    }

    /**
     * The most frequent values of a keyword field ({@code entities}, {@code source}) in the period.
     *
     * @param topic only articles with this topic label, or all
     */
    public List<TermCount> top(String field, Instant from, Instant to, @Nullable String topic, int size) {
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .query(period(from, to, topic))
                            .aggregations(
                                    "top", a -> a.terms(t -> t.field(field).size(size))),
                    Void.class);
            return response.aggregations().get("top").sterms().buckets().array().stream()
                    .map(b -> new TermCount(b.key().stringValue(), b.docCount()))
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw new IndexUnavailableException("Could not list the top " + field + ": " + e.getMessage(), e);
        }
    }

    /**
     * A topic page's four aggregations, sent at once ({@link Fanout}): the page waits for the
     * slowest, the emerging terms, instead of the sum of all four.
     *
     * @param query the period, bucket interval, zone and topic (required)
     * @param top how many entities and sources
     * @param terms how many emerging terms
     */
    public TopicFigures topicFigures(TrendQuery query, int top, int terms) {
        String topic = query.topic();
        if (topic == null) {
            throw new IllegalArgumentException("a topic page needs a topic");
        }
        var emerging = Fanout.start(() -> emergingTerms(query.from(), query.to(), topic, terms));
        var trend = Fanout.start(() -> trends(query, List.of(topic)));
        var entities = Fanout.start(() -> top("entities", query.from(), query.to(), topic, top));
        var sources = Fanout.start(() -> top("source", query.from(), query.to(), topic, top));
        return new TopicFigures(Fanout.join(trend), Fanout.join(entities), Fanout.join(sources), Fanout.join(emerging));
    }

    /**
     * Words that are unusually frequent in the topic's articles of the period compared with all
     * articles: Elasticsearch's {@code significant_text} on the body, under a {@code sampler} so
     * the cost stays bounded on a large index, with repeated boilerplate filtered out.
     */
    public List<TermCount> emergingTerms(Instant from, Instant to, String topic, int size) {
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .query(period(from, to, topic))
                            .aggregations(
                                    "sample",
                                    a -> a.sampler(sm -> sm.shardSize(500))
                                            .aggregations(
                                                    "terms",
                                                    t -> t.significantText(st -> st.field("body")
                                                            .size(size)
                                                            .filterDuplicateText(true)
                                                            .minDocCount(2L)))),
                    Void.class);
            return response
                    .aggregations()
                    .get("sample")
                    .sampler()
                    .aggregations()
                    .get("terms")
                    .sigsterms()
                    .buckets()
                    .array()
                    .stream()
                    .map(b -> new TermCount(b.key(), b.docCount()))
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw new IndexUnavailableException("Could not compute emerging terms: " + e.getMessage(), e);
        }
    }

    /** Source names an {@link EntitySources} lists at most. */
    public static final int SOURCE_NAMES = 10;

    private static final int ENTITY_PAGE = 1000;
    /** Distinct sources are counted exactly up to this (HyperLogLog beyond); a low bound keeps each bucket small. */
    private static final int EXACT_SOURCES = 100;

    /**
     * The entities of these types named in [from, to) by articles in at least {@code minSources}
     * distinct sources, with that number: a composite aggregation over the {@code entities}
     * keyword field, paged through by its after-key, with one small cardinality of sources per
     * entity. Only articles naming an entity of one of the types are aggregated (a prefix query),
     * so the cost follows the period's articles, never the index's.
     *
     * @param text the query of a subscription, or null for every article
     * @param typeKeys entity type keys ({@code person}, {@code org}...) whose entities count
     * @return each entity as a {@link TermCount} of its distinct sources
     * @throws InvalidQueryException when the query text is not valid Lucene syntax
     */
    public List<TermCount> entitiesInSources(
            Instant from,
            Instant to,
            @Nullable String text,
            ArticleQuery.Filters filters,
            java.util.Collection<String> typeKeys,
            int minSources) {
        if (typeKeys.isEmpty()) {
            return List.of();
        }
        List<String> prefixes = typeKeys.stream().map(k -> k + ":").toList();
        BoolQuery.Builder anyType = new BoolQuery.Builder().minimumShouldMatch("1");
        prefixes.forEach(
                p -> anyType.should(s -> s.prefix(x -> x.field("entities").value(p))));
        Query query = scoped(from, to, text, filters, anyType.build()._toQuery());
        List<TermCount> out = new ArrayList<>();
        Map<String, co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        try {
            do {
                Map<String, co.elastic.clients.elasticsearch._types.FieldValue> page = after;
                SearchResponse<Void> response = index.search(
                        s -> s.index(index.alias())
                                .size(0)
                                .requestCache(true)
                                .query(query)
                                .aggregations(
                                        "names",
                                        a -> a.composite(c -> {
                                                    c.size(ENTITY_PAGE)
                                                            .sources(List.of(Map.of(
                                                                    "entity",
                                                                    co.elastic.clients.elasticsearch._types.aggregations
                                                                            .CompositeAggregationSource.of(
                                                                            x -> x.terms(t -> t.field("entities"))))));
                                                    if (page != null) {
                                                        c.after(page);
                                                    }
                                                    return c;
                                                })
                                                .aggregations(
                                                        "sources",
                                                        x -> x.cardinality(cd -> cd.field("source")
                                                                .precisionThreshold(EXACT_SOURCES)))),
                        Void.class);
                var names = response.aggregations().get("names").composite();
                for (var bucket : names.buckets().array()) {
                    String entity = bucket.key().get("entity").stringValue();
                    // fewer documents than sources asked for cannot have them: no need to read the count
                    if (bucket.docCount() < minSources || prefixes.stream().noneMatch(entity::startsWith)) {
                        continue; // or another entity of an article that names one of the types
                    }
                    long sources =
                            bucket.aggregations().get("sources").cardinality().value();
                    if (sources >= minSources) {
                        out.add(new TermCount(entity, sources));
                    }
                }
                after = names.buckets().array().size() < ENTITY_PAGE
                                || names.afterKey().isEmpty()
                        ? null
                        : names.afterKey();
            } while (after != null);
            return out;
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.queryFailure(text, "count the sources of entities", e);
        }
    }

    /**
     * What articles dated in [from, to) say of these entities (a few, once found new): articles,
     * distinct sources, some source names and the first date, by a terms aggregation restricted to
     * exactly these values. An entity no such article names is left out.
     *
     * @param text the query of a subscription, or null for every article
     */
    public List<EntitySources> entitySources(
            java.util.Collection<String> entities,
            Instant from,
            Instant to,
            @Nullable String text,
            ArticleQuery.Filters filters) {
        List<String> wanted = List.copyOf(new java.util.LinkedHashSet<>(entities));
        if (wanted.isEmpty()) {
            return List.of();
        }
        Query query = scoped(from, to, text, filters, namingAny(wanted));
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .query(query)
                            .aggregations(
                                    "names",
                                    a -> a.terms(t -> t.field("entities")
                                                    .size(wanted.size())
                                                    .include(in -> in.terms(wanted)))
                                            .aggregations(
                                                    "sources",
                                                    x -> x.cardinality(cd ->
                                                            cd.field("source").precisionThreshold(EXACT_SOURCES)))
                                            .aggregations("first", x -> x.min(m -> m.field("dated_at")))
                                            .aggregations(
                                                    "source_names",
                                                    x -> x.terms(t ->
                                                            t.field("source").size(SOURCE_NAMES)))),
                    Void.class);
            return response.aggregations().get("names").sterms().buckets().array().stream()
                    .map(b -> new EntitySources(
                            b.key().stringValue(),
                            b.docCount(),
                            b.aggregations().get("sources").cardinality().value(),
                            b.aggregations().get("source_names").sterms().buckets().array().stream()
                                    .map(n -> n.key().stringValue())
                                    .toList(),
                            Instant.ofEpochMilli(
                                    (long) b.aggregations().get("first").min().value())))
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.queryFailure(text, "describe entities", e);
        }
    }

    /** A subscription's articles dated in [from, to) that also pass {@code also}; copies count (their source named it too). */
    private static Query scoped(
            Instant from, Instant to, @Nullable String text, ArticleQuery.Filters filters, Query also) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        ArticleQueryDsl.filter(bool, filters);
        bool.filter(datedIn(from, to));
        bool.filter(also);
        if (text != null) {
            bool.must(ArticleQueryDsl.text(text));
        }
        return bool.build()._toQuery();
    }

    /**
     * Which of these entities articles dated in [from, to) name: a terms filter and a terms
     * aggregation restricted to exactly these values, a thousand at a time.
     */
    public java.util.Set<String> named(java.util.Collection<String> entities, Instant from, Instant to) {
        java.util.Set<String> out = new java.util.HashSet<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(entities));
        try {
            for (int i = 0; i < all.size(); i += 1000) {
                List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
                Query query = new BoolQuery.Builder()
                        .filter(namingAny(chunk))
                        .filter(datedIn(from, to))
                        .build()
                        ._toQuery();
                SearchResponse<Void> response = index.search(
                        s -> s.index(index.alias())
                                .size(0)
                                .requestCache(true)
                                .query(query)
                                .aggregations(
                                        "named",
                                        a -> a.terms(t -> t.field("entities")
                                                .size(chunk.size())
                                                .include(in -> in.terms(chunk)))),
                        Void.class);
                response.aggregations().get("named").sterms().buckets().array().stream()
                        .map(b -> b.key().stringValue())
                        .forEach(out::add);
            }
            return out;
        } catch (ElasticsearchException | IOException e) {
            throw new IndexUnavailableException("Could not look entities up: " + e.getMessage(), e);
        }
    }

    /** The earliest {@code dated_at} in the index: how far back it can tell what was named. */
    public java.util.Optional<Instant> oldest() {
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias()).size(0).aggregations("oldest", a -> a.min(m -> m.field("dated_at"))),
                    Void.class);
            // an empty index answers a null minimum, which the client reads as 0
            boolean empty =
                    response.hits().total() != null && response.hits().total().value() == 0;
            return empty
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(Instant.ofEpochMilli(
                            (long) response.aggregations().get("oldest").min().value()));
        } catch (ElasticsearchException | IOException e) {
            throw new IndexUnavailableException("Could not find the oldest article: " + e.getMessage(), e);
        }
    }

    /** Articles dated in [from, to): the periods of the dashboard, reports and alerts end before {@code to}. */
    private static Query datedIn(Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.untyped(
                u -> u.field("dated_at").gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))));
    }

    /** Articles that name at least one of these entities. */
    private static Query namingAny(List<String> entities) {
        return Query.of(q -> q.terms(t -> t.field("entities")
                .terms(v -> v.value(entities.stream()
                        .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                        .toList()))));
    }

    private static Query period(Instant from, Instant to, @Nullable String topic) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(ArticleQueryDsl.ORIGINALS);
        bool.filter(datedIn(from, to));
        if (topic != null) {
            bool.filter(f -> f.term(t -> t.field("topics").value(topic)));
        }
        return bool.build()._toQuery();
    }
}
