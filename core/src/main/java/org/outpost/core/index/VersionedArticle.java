package org.outpost.core.index;

import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/**
 * An article with the version it was read at, for optimistic concurrency.
 *
 * @param index the concrete index it was read from, where a rewrite goes (sequence numbers are per index); null
 *     when unknown: the index is looked up
 */
public record VersionedArticle(
        Article article,
        long seqNo,
        long primaryTerm,
        @Nullable String index) {

    public VersionedArticle(Article article, long seqNo, long primaryTerm) {
        this(article, seqNo, primaryTerm, null);
    }

    public VersionedArticle withArticle(Article replacement) {
        return new VersionedArticle(replacement, seqNo, primaryTerm, index);
    }
}
