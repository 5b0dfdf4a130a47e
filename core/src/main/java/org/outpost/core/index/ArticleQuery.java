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
 * @param filters facet filters: topics with a minimum score, sources, entities, languages
 * @param sort by relevance (when there is query text) or newest first
 */
public record ArticleQuery(
        @Nullable String text,
        @Nullable String source,
        @Nullable Instant from,
        @Nullable Instant to,
        int page,
        int size,
        Filters filters,
        Sort sort) {

    public enum Sort {
        RELEVANCE,
        NEWEST
    }

    /**
     * Facet selections; within one facet any value matches, across facets all must.
     *
     * @param topics topic id to the lowest score an article must have for it (0 = labelled with it)
     */
    public record Filters(
            java.util.Map<String, Double> topics,
            java.util.List<String> sources,
            java.util.List<String> entities,
            java.util.List<String> languages) {

        public static final Filters NONE =
                new Filters(java.util.Map.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());

        /** Values one facet filter may hold: more is not a filter a reader picks, and each is a clause of the query. */
        public static final int MAX_VALUES = 100;
        /** Longest topic id, source name, entity or language code a filter may hold. */
        public static final int MAX_VALUE_LENGTH = 200;

        public Filters {
            topics = java.util.Map.copyOf(topics);
            sources = java.util.List.copyOf(sources);
            entities = java.util.List.copyOf(entities);
            languages = java.util.List.copyOf(languages);
            topics.forEach((topic, min) -> {
                if (min < 0 || min > 1) {
                    throw new IllegalArgumentException(
                            "minimum score of " + topic + " must be between 0 and 1, was " + min);
                }
            });
        }

        /**
         * Checks one facet's values against {@link #MAX_VALUES} and {@link #MAX_VALUE_LENGTH}, up front.
         *
         * @param field the facet as the caller's API names it
         * @throws InvalidParameterException naming the field and the limit
         */
        public static void check(String field, java.util.Collection<String> values) {
            if (values.size() > MAX_VALUES) {
                throw new InvalidParameterException(
                        field, field + " holds " + values.size() + " values; at most " + MAX_VALUES + " are allowed");
            }
            for (String value : values) {
                if (value != null && value.length() > MAX_VALUE_LENGTH) {
                    throw new InvalidParameterException(
                            field,
                            field + " holds a value of " + value.length() + " characters; at most " + MAX_VALUE_LENGTH
                                    + " are allowed");
                }
            }
        }

        public boolean isEmpty() {
            return topics.isEmpty() && sources.isEmpty() && entities.isEmpty() && languages.isEmpty();
        }
    }

    public ArticleQuery(
            @Nullable String text,
            @Nullable String source,
            @Nullable Instant from,
            @Nullable Instant to,
            int page,
            int size) {
        this(text, source, from, to, page, size, Filters.NONE, Sort.RELEVANCE);
    }

    public static final int MAX_SIZE = 100;
    /** Elasticsearch's default result window: deeper pages need search_after. */
    public static final int MAX_WINDOW = 10_000;

    public ArticleQuery {
        if (page < 0) {
            throw new InvalidParameterException("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        // in long: page + 1 overflows an int for page = Integer.MAX_VALUE and would pass as negative
        if (((long) page + 1) * size > MAX_WINDOW) {
            throw new InvalidParameterException(
                    "page",
                    "page " + page + " of size " + size + " lies beyond the first " + MAX_WINDOW
                            + " results; narrow the search");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "from (" + from + ") is after to (" + to + ")");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        source = source == null || source.isBlank() ? null : source.strip();
        if (source != null && source.length() > Filters.MAX_VALUE_LENGTH) {
            throw new InvalidParameterException(
                    "source", "source is longer than " + Filters.MAX_VALUE_LENGTH + " characters");
        }
        filters = filters == null ? Filters.NONE : filters;
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    public ArticleQuery withPage(int newPage, int newSize) {
        return new ArticleQuery(text, source, from, to, newPage, newSize, filters, sort);
    }

    public static ArticleQuery all(int size) {
        return new ArticleQuery(null, null, null, null, 0, size);
    }

    public static ArticleQuery text(String text) {
        return new ArticleQuery(text, null, null, null, 0, 20);
    }
}
