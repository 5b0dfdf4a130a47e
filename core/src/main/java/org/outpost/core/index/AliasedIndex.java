package org.outpost.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/**
 * The article index as its writers and readers reach it: the client, the alias every call goes
 * through, and how Elasticsearch's failures are told to callers. Shared by {@link ArticleIndex},
 * {@link ArticleSearch}, {@link ArticleStories} and {@link ArticleStats}.
 */
record AliasedIndex(ElasticsearchClient client, String alias) {

    /** Whole articles are read without the search terms derived from their text. */
    static final SourceConfig WITHOUT_DERIVED =
            SourceConfig.of(c -> c.filter(f -> f.excludes(List.of(IndexedArticle.DERIVED_FIELDS))));

    /**
     * Visits every article a search finds, page by page with {@code search_after}, so a job over
     * any number of articles holds one page in memory at a time. The request sets the query and a
     * sort that ends on a unique field; the pages come back in that order.
     *
     * @param failure what a failed request is thrown as
     */
    void forEachPage(
            int pageSize,
            Consumer<SearchRequest.Builder> request,
            Consumer<List<Hit<Article>>> page,
            Function<Exception, RuntimeException> failure) {
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Article> response;
            try {
                response = client.search(
                        s -> {
                            s.index(alias).size(pageSize).source(WITHOUT_DERIVED);
                            request.accept(s);
                            if (searchAfter != null) {
                                s.searchAfter(searchAfter);
                            }
                            return s;
                        },
                        Article.class);
            } catch (ElasticsearchException | IOException e) {
                throw failure.apply(e);
            }
            List<Hit<Article>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            page.accept(hits);
            if (hits.size() < pageSize) {
                return; // a short page is the last: saves the request that would come back empty
            }
            after = hits.getLast().sort();
        }
    }

    /** The most specific reason in an Elasticsearch error, which is what a person can act on. */
    static String describe(ErrorCause error) {
        ErrorCause deepest = error;
        while (deepest.causedBy() != null) {
            deepest = deepest.causedBy();
        }
        if (deepest == error && !error.rootCause().isEmpty()) {
            deepest = error.rootCause().getFirst();
            while (deepest.causedBy() != null) {
                deepest = deepest.causedBy();
            }
        }
        String reason = deepest.reason() != null ? deepest.reason() : error.reason();
        return reason != null ? reason : deepest.type();
    }

    static IndexUnavailableException unavailable(String action, Exception e) {
        String reason = e instanceof ElasticsearchException ee ? describe(ee.error()) : e.toString();
        return new IndexUnavailableException("Could not " + action + ": " + reason, e);
    }

    /**
     * A 400 on a query with text is the reader's syntax, told with Elasticsearch's reason;
     * anything else is an outage.
     */
    static RuntimeException queryFailure(@Nullable String text, String action, Exception e) {
        if (e instanceof ElasticsearchException ee && ee.status() == 400 && text != null) {
            return new InvalidQueryException("Invalid query '" + text + "': " + describe(ee.error()), e);
        }
        return unavailable(action, e);
    }
}
