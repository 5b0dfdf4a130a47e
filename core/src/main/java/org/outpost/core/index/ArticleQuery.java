package org.outpost.core.index;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A search over articles.
 *
 * @param text Lucene query syntax (as Elasticsearch's {@code query_string}); blank for all articles
 * @param source exact source name, or null for all
 * @param from earliest publication time, inclusive
 * @param to latest publication time, inclusive
 * @param page zero-based page number
 * @param size page size, 1 to {@link #MAX_SIZE}
 */
public record ArticleQuery(@Nullable String text, @Nullable String source, @Nullable Instant from,
        @Nullable Instant to, int page, int size) {

    public static final int MAX_SIZE = 100;
    /** Elasticsearch's default result window: deeper pages need search_after. */
    public static final int MAX_WINDOW = 10_000;

    public ArticleQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " lies beyond the first "
                    + MAX_WINDOW + " results; narrow the search");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        source = source == null || source.isBlank() ? null : source.strip();
    }

    public static ArticleQuery all(int size) {
        return new ArticleQuery(null, null, null, null, 0, size);
    }

    public static ArticleQuery text(String text) {
        return new ArticleQuery(text, null, null, null, 0, 20);
    }
}
