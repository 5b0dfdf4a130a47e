package org.outpost.core.index;

import static org.outpost.core.index.AliasedIndex.unavailable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/** An article's story: the copies recorded of it, and other stories on the same subject. */
public final class ArticleStories {

    private final AliasedIndex index;

    public ArticleStories(ElasticsearchClient client, String alias) {
        this(client, alias, null);
    }

    /** @param timeout longest a search may take before it is given up ({@link SearchTimeoutException}); null: no bound */
    public ArticleStories(ElasticsearchClient client, String alias, java.time.@Nullable Duration timeout) {
        this.index = new AliasedIndex(client, alias, timeout);
    }

    /** The copies recorded of an article (same or nearly the same content under other addresses). */
    public List<Article> duplicatesOf(String id, int max) {
        try {
            SearchResponse<Article> response = index.search(
                    s -> s.index(index.alias())
                            .size(max)
                            .query(q -> q.term(t -> t.field("duplicate_of").value(id)))
                            .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Asc))),
                    Article.class);
            return response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("list the copies of " + id, e);
        }
    }

    /**
     * Other stories on the same subject: Elasticsearch's {@code more_like_this} on the title and
     * body of the stored article. Originals only, so a story's copies (and the article itself)
     * are never listed as "related"; term and document frequency floors are 1 so a small corpus
     * still finds matches. The stored article is named by its concrete index: Elasticsearch fetches it with a get,
     * which an alias over several periods refuses.
     */
    public List<Article> related(String id, int max) {
        String where;
        try {
            where = index
                    .search(
                            s -> s.index(index.alias())
                                    .size(1)
                                    .source(c -> c.fetch(false))
                                    .query(q -> q.ids(i -> i.values(id))),
                            Void.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::index)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("find articles related to " + id, e);
        }
        if (where == null) {
            return List.of();
        }
        Query query = Query.of(q ->
                q.bool(b -> b.must(m -> m.moreLikeThis(mlt -> mlt.fields(List.of(IndexedArticle.DERIVED_FIELDS))
                                .like(l -> l.document(d -> d.index(where).id(id)))
                                // terms in at least one other article: a story's unique names would otherwise
                                // fill the query and match nothing
                                .minTermFreq(1)
                                .minDocFreq(2)
                                .maxQueryTerms(30)
                                .minimumShouldMatch("20%")))
                        .filter(ArticleQueryDsl.ORIGINALS)
                        .mustNot(n -> n.ids(i -> i.values(id)))
                        .mustNot(n -> n.term(t -> t.field("duplicate_of").value(id)))));
        try {
            SearchResponse<Article> response = index.search(
                    s -> s.index(index.alias()).size(max).query(query).source(AliasedIndex.WITHOUT_DERIVED),
                    Article.class);
            return response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("find articles related to " + id, e);
        }
    }
}
