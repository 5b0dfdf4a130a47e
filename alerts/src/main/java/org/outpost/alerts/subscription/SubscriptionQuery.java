package org.outpost.alerts.subscription;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.outpost.core.index.InvalidQueryException;
import org.outpost.core.index.QueryLimits;
import org.outpost.core.index.QueryText;
import org.outpost.core.index.SearchAnalyzer;

/**
 * A subscription's query text as Lucene sees it in the JVM: parsed by core's {@link QueryText}, the very parse the
 * article index translates for Elasticsearch, with the same per-language analysis ({@link SearchAnalyzer}: Russian
 * stemming for Cyrillic words, keyword fields matched whole). So a subscription back-tested against the index
 * matches what it will match live, in every language.
 */
public final class SubscriptionQuery {

    public static final String TITLE = SearchAnalyzer.TITLE;
    public static final String BODY = SearchAnalyzer.BODY;
    public static final String SOURCE_TEXT = SearchAnalyzer.SOURCE_TEXT;

    /** Analyses article fields the way the monitor and the parser must agree on. */
    public static final Analyzer ANALYZER = QueryText.ANALYZER;

    private SubscriptionQuery() {}

    /** Blank or {@code *} means every article (useful with filters or spike alerts alone). */
    public static boolean matchesAll(String text) {
        return QueryText.matchesAll(text);
    }

    /** @throws InvalidSubscriptionException field {@code query}, with the column where parsing failed */
    public static Query parse(String text) {
        return parse(text, QueryLimits.NONE);
    }

    /**
     * The same, within the limits of the user who writes the query (its length, leading wildcards and regular
     * expressions).
     *
     * @throws InvalidSubscriptionException field {@code query}, saying which limit or where parsing failed
     */
    public static Query parse(String text, QueryLimits limits) {
        try {
            return QueryText.check(text, limits);
        } catch (InvalidQueryException e) {
            if (e.reason() == InvalidQueryException.Reason.TOO_LONG) {
                throw new InvalidSubscriptionException("query", "queryLength", String.valueOf(limits.maxLength()));
            }
            if (e.reason() == InvalidQueryException.Reason.EXPENSIVE) {
                throw new InvalidSubscriptionException("query", e.column(), "queryExpensive", new Object[0]);
            }
            // the parser's reason is English only; another language says where it broke and recalls the syntax
            Integer column = e.column();
            throw new InvalidSubscriptionException("query", column, column == null ? "query" : "queryAt", new Object[] {
                String.valueOf(e.getMessage()), column == null ? 0 : column
            });
        }
    }
}
