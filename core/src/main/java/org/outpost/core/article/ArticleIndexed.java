package org.outpost.core.article;

/**
 * Published once an article is in the index and searchable: the alerts module matches it
 * against subscriptions. Copies and changed re-crawls are published too, marked as such, so a
 * listener can decide not to notify twice.
 */
public record ArticleIndexed(Article article, Change change) {

    public enum Change {
        /** First time this story is seen. */
        NEW,
        /** Same address, content changed. */
        UPDATED,
        /** The same or nearly the same content as {@link Article#duplicateOf()}, under another address. */
        DUPLICATE
    }
}
