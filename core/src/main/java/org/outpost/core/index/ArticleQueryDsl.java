package org.outpost.core.index;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A reader's {@link ArticleQuery} in Elasticsearch's Query DSL, the same for a search, its facets, its export and a trend. */
final class ArticleQueryDsl {

    /** Lists, counts and trends show each story once: copies point at their original. */
    static final Query ORIGINALS = Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("duplicate_of")))));

    private ArticleQueryDsl() {}

    /** @throws InvalidQueryException when the text is not valid query syntax, before anything is sent */
    static Query text(String text) {
        return LuceneToElasticsearch.translate(QueryText.parse(text));
    }

    static Query of(ArticleQuery query) {
        return of(query, query.text() == null ? null : QueryText.parse(query.text()));
    }

    static Query of(ArticleQuery query, org.apache.lucene.search.@Nullable Query text) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(ORIGINALS);
        if (text != null) {
            bool.must(LuceneToElasticsearch.translate(text));
        } else {
            bool.must(m -> m.matchAll(a -> a));
        }
        if (query.source() != null) {
            bool.filter(f -> f.term(t -> t.field("source").value(query.source())));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("dated_at");
                if (query.from() != null) {
                    u.gte(JsonData.of(query.from().toString()));
                }
                if (query.to() != null) {
                    u.lte(JsonData.of(query.to().toString()));
                }
                return u;
            })));
        }
        filter(bool, query.filters());
        return bool.build()._toQuery();
    }

    static void filter(BoolQuery.Builder bool, ArticleQuery.Filters filters) {
        if (!filters.topics().isEmpty()) {
            BoolQuery.Builder anyTopic = new BoolQuery.Builder().minimumShouldMatch("1");
            filters.topics()
                    .forEach((topic, min) -> anyTopic.should(
                            min <= 0
                                    ? Query.of(
                                            q -> q.term(t -> t.field("topics").value(topic)))
                                    : Query.of(q -> q.range(r -> r.untyped(u ->
                                            u.field("topic_scores." + topic).gte(JsonData.of(min)))))));
            bool.filter(anyTopic.build()._toQuery());
        }
        terms(bool, "source", filters.sources());
        terms(bool, "entities", filters.entities());
        terms(bool, "language", filters.languages());
    }

    private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field(field)
                    .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
        }
    }
}
