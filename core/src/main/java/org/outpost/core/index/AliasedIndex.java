package org.outpost.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/**
 * The article index as its writers and readers reach it: the client, the alias every call goes
 * through, and how Elasticsearch's failures are told to callers. Shared by {@link ArticleIndex},
 * {@link ArticleSearch}, {@link ArticleStories} and {@link ArticleStats}.
 */
record AliasedIndex(
        ElasticsearchClient client, String alias, @Nullable Duration timeout) {

    AliasedIndex(ElasticsearchClient client, String alias) {
        this(client, alias, null);
    }

    /**
     * Every search first asks each period's shard whether its dates can match ({@code can_match}, from the field's
     * range in the shard's metadata, without searching) and skips those that cannot: a query over the last 30 days
     * then searches one or two months, not every month the alias spans. Elasticsearch does it by itself only past
     * 128 shards or for read-only indices.
     */
    static final long PRE_FILTER = 1;

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
                response = search(
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

    /**
     * One search, bounded when this index has a timeout: Elasticsearch is told to stop looking after it (the
     * search's {@code timeout}), and the caller stops waiting a little later whatever happens (a request stuck
     * in a queue, a node that does not answer), so one heavy query cannot hold a page.
     *
     * @throws SearchTimeoutException when the search timed out on either side
     */
    <T> SearchResponse<T> search(Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> build, Class<T> type)
            throws IOException {
        if (timeout == null) {
            return client.search(b -> build.apply(b.preFilterShardSize(PRE_FILTER)), type);
        }
        long millis = Math.max(1, timeout.toMillis());
        SearchRequest request = build.apply(
                        new SearchRequest.Builder().timeout(millis + "ms").preFilterShardSize(PRE_FILTER))
                .build();
        CompletableFuture<SearchResponse<T>> future =
                new ElasticsearchAsyncClient(client._transport(), client._transportOptions()).search(request, type);
        SearchResponse<T> response;
        try {
            // Elasticsearch's timeout is checked between segments: the deadline leaves it room to say so itself
            response = future.get(millis + Math.min(millis, 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw tookTooLong(millis, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while searching", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ElasticsearchException ee) {
                throw ee;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? e : cause);
        }
        if (response.timedOut()) {
            throw tookTooLong(millis, null);
        }
        return response;
    }

    private static SearchTimeoutException tookTooLong(long millis, @Nullable Exception cause) {
        return new SearchTimeoutException(
                "The search took longer than " + millis + " ms and was given up; narrow it (fewer "
                        + "wildcards, a shorter period) or try again",
                cause);
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
