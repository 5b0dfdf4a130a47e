package org.outpost.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.outpost.core.article.Article;
import org.outpost.core.article.MinHash;

/**
 * The stored articles that may be copies of new ones: the same content hash, or a MinHash
 * sharing a band (the caller checks the distance). One {@code msearch} per batch, returning
 * fingerprints only: a search per article, with the articles' text, was most of the time a
 * crawl spent. Sees what the index has made searchable (its refresh, a second by default);
 * what was written since is the caller's to remember.
 *
 * <p>Oldest first, as before. Ranking by what they share (one {@code term} clause per band,
 * sorted by score) was tried: news on one subject shares a band by chance often enough that an
 * article of the generated corpus has 107 such candidates on average at 20,000 articles, and
 * the 20 oldest miss the original of about half the near copies whenever the recent articles
 * of {@code CopyRecognition} no longer hold it; ranked, none was missed, but the ingest
 * benchmark ran slower (docs/benchmarks.md, Ingest).
 */
public final class CopyCandidates {

    private final ElasticsearchClient client;
    private final String alias;

    public CopyCandidates(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /**
     * The candidates of each article, oldest indexed first, at most {@code max} each: the i-th
     * list belongs to the i-th article.
     *
     * @throws IndexUnavailableException when Elasticsearch cannot answer for every article
     */
    public List<List<ArticleFingerprint>> of(List<Article> articles, int max) {
        if (articles.isEmpty()) {
            return List.of();
        }
        List<RequestItem> searches = new ArrayList<>(articles.size());
        for (Article article : articles) {
            Query query = query(article);
            searches.add(RequestItem.of(r -> r.header(h -> h.index(alias))
                    .body(b -> b.query(query)
                            .size(max)
                            .trackTotalHits(t -> t.enabled(false))
                            .source(s -> s.filter(f -> f.includes(ArticleFingerprint.FIELDS)))
                            .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Asc))))));
        }
        try {
            var response = client.msearch(m -> m.searches(searches), ArticleFingerprint.class);
            List<List<ArticleFingerprint>> out = new ArrayList<>(articles.size());
            for (var item : response.responses()) {
                if (item.isFailure()) {
                    // one failed search would leave its article's copies unseen: the batch waits instead
                    String reason = "Elasticsearch could not look up copies: "
                            + reason(item.failure().error());
                    throw new IndexUnavailableException(reason, new IllegalStateException(reason));
                }
                out.add(item.result().hits().hits().stream()
                        .map(Hit::source)
                        .filter(Objects::nonNull)
                        .toList());
            }
            return out;
        } catch (ElasticsearchException | IOException e) {
            String reason = e instanceof ElasticsearchException ee ? reason(ee.error()) : e.toString();
            throw new IndexUnavailableException(
                    "Could not look up copies of " + articles.size() + " articles: " + reason, e);
        }
    }

    /** The deepest cause: "all shards failed" alone does not say why. */
    private static String reason(ErrorCause error) {
        ErrorCause deepest =
                error.rootCause().isEmpty() ? error : error.rootCause().getFirst();
        while (deepest.causedBy() != null) {
            deepest = deepest.causedBy();
        }
        String reason = deepest.reason() != null ? deepest.reason() : error.reason();
        return reason != null ? reason : deepest.type();
    }

    private static Query query(Article article) {
        BoolQuery.Builder bool = new BoolQuery.Builder().minimumShouldMatch("1");
        bool.should(s -> s.term(t -> t.field("content_hash").value(article.contentHash())));
        List<String> bands = MinHash.bands(article.minhash());
        if (!bands.isEmpty()) {
            bool.should(s -> s.terms(t -> t.field("minhash_bands")
                    .terms(v -> v.value(bands.stream().map(FieldValue::of).toList()))));
        }
        return bool.build()._toQuery();
    }
}
