package org.outpost.core.index;

import org.outpost.core.article.Article;

/** An article with the version it was read at, for optimistic concurrency. */
public record VersionedArticle(Article article, long seqNo, long primaryTerm) {

    public VersionedArticle withArticle(Article replacement) {
        return new VersionedArticle(replacement, seqNo, primaryTerm);
    }
}
