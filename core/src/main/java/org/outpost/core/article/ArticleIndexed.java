package org.outpost.core.article;

/**
 * Published once an article is in the index, in the transaction that records its page as
 * crawled: the alerts module matches it against subscriptions, the live feed shows it. It goes
 * through the app's event publication registry, so listeners run after that commit, off the
 * crawler's thread, and one that had not finished when the app died hears it again on restart.
 * Copies, changed re-crawls and unchanged re-crawls are published too, marked as such, so a
 * listener can decide not to notify twice.
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
         * when it has no record of it (the app died after the bulk request and before the
         * transaction that records the page and publishes the event, a queued batch was drained
         * again) or when its site re-dated it. Elasticsearch and the database do not commit
         * together, so it cannot know whether the article was published: it publishes again, and
         * listeners that act once per story (matching) must be idempotent.
         */
        UNCHANGED
    }
}
