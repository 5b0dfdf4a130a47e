package org.outpost.core.index;

import static org.outpost.core.index.AliasedIndex.describe;
import static org.outpost.core.index.AliasedIndex.unavailable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/**
 * What a reader asks of the articles: a page of hits for a query (its text checked and its
 * matches highlighted), the counts per facet, every match for an export, and the source names
 * to filter by. Copies of a story are left out: each story is listed once. The counts (facets,
 * sources) ask for the shard request cache, as {@link ArticleStats} does.
 */
public final class ArticleSearch {

    private final AliasedIndex index;

    public ArticleSearch(ElasticsearchClient client, String alias) {
        this(client, alias, null);
    }

    /** @param timeout longest a search may take before it is given up ({@link SearchTimeoutException}); null: no bound */
    public ArticleSearch(ElasticsearchClient client, String alias, java.time.@Nullable Duration timeout) {
        this.index = new AliasedIndex(client, alias, timeout);
    }

    /**
     * Runs a search: by relevance when there is query text, newest first otherwise.
     *
     * @throws InvalidQueryException when the query text is not valid Lucene syntax
     */
    public ArticlePage search(ArticleQuery query) {
        org.apache.lucene.search.Query parsed = query.text() == null ? null : QueryText.parse(query.text());
        Query match = ArticleQueryDsl.of(query, parsed);
        try {
            SearchResponse<Article> response = index.search(
                    s -> {
                        s.index(index.alias())
                                .query(match)
                                .source(AliasedIndex.WITHOUT_DERIVED)
                                .from(query.page() * query.size())
                                .size(query.size())
                                .trackTotalHits(t -> t.enabled(true));
                        if (query.text() != null && query.sort() == ArticleQuery.Sort.RELEVANCE) {
                            s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                        }
                        s.sort(o -> o.field(
                                f -> f.field("dated_at").order(SortOrder.Desc).missing("_last")));
                        s.sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Desc)));
                        return s;
                    },
                    Article.class);
            List<ArticleHit> items =
                    response.hits().hits().stream().map(h -> toHit(h, parsed)).toList();
            long total = response.hits().total() == null
                    ? items.size()
                    : response.hits().total().value();
            return new ArticlePage(total, items);
        } catch (ElasticsearchException e) {
            throw queryFailure(query, "search articles", e);
        } catch (IOException e) {
            throw unavailable("search articles", e);
        }
    }

    /**
     * The newest articles of a period that pass the facet filters: the "latest articles" lists. Newest first, and
     * without a total: counting every match exactly makes the node visit each one, while a top few by date lets it
     * skip the documents whose dates cannot make the list.
     */
    public List<ArticleHit> latest(
            @Nullable Instant from, @Nullable Instant to, ArticleQuery.Filters filters, int size) {
        ArticleQuery query = new ArticleQuery(null, null, from, to, 0, size, filters, ArticleQuery.Sort.NEWEST);
        try {
            SearchResponse<Article> response = index.search(
                    s -> s.index(index.alias())
                            .query(ArticleQueryDsl.of(query))
                            .source(AliasedIndex.WITHOUT_DERIVED)
                            .size(size)
                            .trackTotalHits(t -> t.enabled(false))
                            .sort(o -> o.field(f ->
                                    f.field("dated_at").order(SortOrder.Desc).missing("_last")))
                            .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Desc))),
                    Article.class);
            return response.hits().hits().stream().map(h -> toHit(h, null)).toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("list the latest articles", e);
        }
    }

    /**
     * Counts per value of the facet fields among the articles the query matches (its own facet
     * filters included), most frequent first.
     */
    public Facets facets(ArticleQuery query, int size) {
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .query(ArticleQueryDsl.of(query))
                            .aggregations(
                                    "topics",
                                    a -> a.terms(t -> t.field("topics").size(size)))
                            .aggregations(
                                    "sources",
                                    a -> a.terms(t -> t.field("source").size(size)))
                            .aggregations(
                                    "entities",
                                    a -> a.terms(t -> t.field("entities").size(size)))
                            .aggregations(
                                    "languages",
                                    a -> a.terms(t -> t.field("language").size(size))),
                    Void.class);
            return new Facets(
                    counts(response, "topics"),
                    counts(response, "sources"),
                    counts(response, "entities"),
                    counts(response, "languages"));
        } catch (ElasticsearchException e) {
            throw queryFailure(query, "count facets", e);
        } catch (IOException e) {
            throw unavailable("count facets", e);
        }
    }

    /**
     * Visits every article the query matches, newest first, in batches (search_after), so an
     * export of any size holds one batch in memory at a time.
     */
    public void forEachMatch(ArticleQuery query, int batchSize, Consumer<List<Article>> batch) {
        Query match = ArticleQueryDsl.of(query);
        index.forEachPage(
                batchSize,
                s -> s.query(match)
                        .sort(o -> o.field(
                                f -> f.field("dated_at").order(SortOrder.Desc).missing("_last")))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                hits -> batch.accept(
                        hits.stream().map(Hit::source).filter(Objects::nonNull).toList()),
                e -> AliasedIndex.queryFailure(query.text(), "export articles", e));
    }

    /** The most frequent source names, most articles first. */
    public List<String> sources(int max) {
        try {
            SearchResponse<Void> response = index.search(
                    s -> s.index(index.alias())
                            .size(0)
                            .requestCache(true)
                            .query(ArticleQueryDsl.ORIGINALS)
                            .aggregations(
                                    "sources",
                                    a -> a.terms(t -> t.field("source").size(max))),
                    Void.class);
            return response.aggregations().get("sources").sterms().buckets().array().stream()
                    .map(b -> b.key().stringValue())
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("list sources", e);
        }
    }

    /** A 400 on a query with text is the reader's syntax, with the parser's reason; anything else an outage. */
    private RuntimeException queryFailure(ArticleQuery query, String action, ElasticsearchException e) {
        if (e.status() == 400 && query.text() != null) {
            return new InvalidQueryException("Invalid query '" + query.text() + "': " + explainInvalid(query, e), e);
        }
        return unavailable(action, e);
    }

    /** The search error names only the failed phase; the validate API says where the syntax broke. */
    private String explainInvalid(ArticleQuery query, ElasticsearchException e) {
        try {
            String error = validationError(ArticleQueryDsl.of(query));
            return error != null ? error : describe(e.error());
        } catch (ElasticsearchException | IOException ignored) {
            return describe(e.error());
        }
    }

    /** Elasticsearch's own parse of the query: null when valid, else the parser's reason. */
    private @Nullable String validationError(Query query) throws IOException {
        var validation = index.client()
                .indices()
                .validateQuery(v -> v.index(index.alias()).query(query).explain(true));
        if (validation.valid()) {
            return null;
        }
        return validation.explanations().stream()
                .map(x -> x.error())
                .filter(Objects::nonNull)
                .findFirst()
                .map(ArticleSearch::withoutExceptionClass)
                .orElse("not valid Lucene syntax");
    }

    private static String withoutExceptionClass(String message) {
        // "[index/uuid] org.elasticsearch...QueryShardException: Failed to parse query [..]; org.apache.lucene
        // ...ParseException: Cannot parse '..': Encountered "<EOF>" at line 1, column 20.\nWas expecting one of: ..."
        String reason = message;
        int exception = reason.lastIndexOf("Exception: ");
        if (exception >= 0) {
            reason = reason.substring(exception + "Exception: ".length());
        }
        int newline = reason.indexOf('\n');
        return (newline > 0 ? reason.substring(0, newline) : reason).strip();
    }

    private static List<TermCount> counts(SearchResponse<Void> response, String name) {
        return response.aggregations().get(name).sterms().buckets().array().stream()
                .map(b -> new TermCount(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static ArticleHit toHit(Hit<Article> hit, org.apache.lucene.search.@Nullable Query query) {
        Article article = hit.source();
        if (article == null) {
            throw new IllegalStateException("Article " + hit.id() + " came back without its source");
        }
        return Snippets.hit(article, query);
    }
}
