package org.outpost.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Aggregations over a period for the dashboard: articles per topic, the most frequent entities
 * and sources, and the terms that stand out in a topic. Copies of a story count once.
 */
public final class ArticleStats {

    private final ElasticsearchClient client;
    private final String alias;

    public ArticleStats(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Articles in [from, to) in total ({@code ""}) and per topic label. */
    public Map<String, Long> topicCounts(Instant from, Instant to) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true))
                    .query(period(from, to, null))
                    .aggregations("topics", a -> a.terms(t -> t.field("topics").size(100))), Void.class);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("", response.hits().total() == null ? 0 : response.hits().total().value());
            response.aggregations().get("topics").sterms().buckets().array()
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
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0)
                    .query(period(from, to, topic))
                    .aggregations("top", a -> a.terms(t -> t.field(field).size(size))), Void.class);
            return response.aggregations().get("top").sterms().buckets().array().stream()
                    .map(b -> new TermCount(b.key().stringValue(), b.docCount())).toList();
        } catch (ElasticsearchException | IOException e) {
            throw new IndexUnavailableException("Could not list the top " + field + ": " + e.getMessage(), e);
        }
    }

    /**
     * Words that are unusually frequent in the topic's articles of the period compared with all
     * articles: Elasticsearch's {@code significant_text} on the body, under a {@code sampler} so
     * the cost stays bounded on a large index, with repeated boilerplate filtered out.
     */
    public List<TermCount> emergingTerms(Instant from, Instant to, String topic, int size) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0)
                    .query(period(from, to, topic))
                    .aggregations("sample", a -> a.sampler(sm -> sm.shardSize(500))
                            .aggregations("terms", t -> t.significantText(st -> st.field("body").size(size)
                                    .filterDuplicateText(true).minDocCount(2L)))), Void.class);
            return response.aggregations().get("sample").sampler().aggregations().get("terms").sigsterms().buckets()
                    .array().stream().map(b -> new TermCount(b.key(), b.docCount())).toList();
        } catch (ElasticsearchException | IOException e) {
            throw new IndexUnavailableException("Could not compute emerging terms: " + e.getMessage(), e);
        }
    }

    private static Query period(Instant from, Instant to, @Nullable String topic) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(ArticleIndex.ORIGINALS);
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("dated_at")
                .gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))));
        if (topic != null) {
            bool.filter(f -> f.term(t -> t.field("topics").value(topic)));
        }
        return bool.build()._toQuery();
    }
}
