package org.outpost.core.article;

/**
 * Published once an article is in the index and searchable: the alerts module matches it
 * against subscriptions. Copies, changed re-crawls and unchanged re-crawls are published too,
 * marked as such, so a listener can decide not to notify twice.
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
         * Already in the index with the same content. The crawler fetches a known page again only
         * when it has no record of having settled it (the app died between indexing and
         * recording, a queued batch was drained twice) or when its site re-dated it, so it cannot
         * know whether the first announcement was heard: it announces again, and listeners that
         * act once per story (matching) must be idempotent.
         */
        UNCHANGED
    }
}
