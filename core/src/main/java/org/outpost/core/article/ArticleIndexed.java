package org.outpost.core.article;

/**
 * Published once an article is in the index and searchable: the alerts module matches it
 * against subscriptions. Copies, changed re-crawls and unchanged ones are published too, marked
 * as such, so a listener can decide not to notify twice; a listener must treat a story it has
 * seen as seen, since the same article can be announced again.
 */
public record ArticleIndexed(Article article, Change change) {

    public enum Change {
        /** First time this story is seen. */
        NEW,
        /** Same address, content changed. */
        UPDATED,
        /** The same or nearly the same content as {@link Article#duplicateOf()}, under another address. */
        DUPLICATE,
        /**
         * Fetched again with the content already indexed. Announced because a crash between
         * indexing an article and recording it (its page, its alert matches) leaves it to be fetched
         * again, and a listener may never have heard of it.
         */
        UNCHANGED
    }
}
