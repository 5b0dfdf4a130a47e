package org.outpost.core.index;

/**
 * What a reader's query text may ask, checked by {@link QueryText#check(String, QueryLimits)} before it runs: its
 * length, and whether it may hold the terms whose cost grows with the index's vocabulary rather than with the text
 * (a leading wildcard such as {@code *stan}, a {@code /regular expression/}). Who may is the caller's decision (the
 * dashboard decides it by role); the index only applies it.
 *
 * @param maxLength longest query text, in characters
 * @param allowExpensive whether leading wildcards and regular expressions are allowed
 */
public record QueryLimits(int maxLength, boolean allowExpensive) {

    /** No limit: for queries Outpost itself writes. */
    public static final QueryLimits NONE = new QueryLimits(Integer.MAX_VALUE, true);

    /**
     * Checks a query text against these limits (and its syntax), for callers that do not run it themselves.
     *
     * @throws InvalidQueryException saying which limit the text passes, or where its syntax breaks
     */
    public void check(String text) {
        QueryText.check(text, this);
    }

    public QueryLimits {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
    }
}
