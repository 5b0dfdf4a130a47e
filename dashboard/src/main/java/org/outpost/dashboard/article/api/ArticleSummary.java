package org.outpost.dashboard.article.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleHit;

/**
 * An article in a result list.
 *
 * @param snippet plain text around the best match (the start of the article without a query)
 * @param highlight the same snippet as HTML: text escaped, matched terms in {@code <mark>}
 */
record ArticleSummary(
        String id,
        String title,
        @Nullable String url,
        String source,
        @Nullable Instant publishedAt,
        @Nullable String language,
        java.util.List<String> topics,
        String snippet,
        String highlight) {

    static ArticleSummary of(ArticleHit hit) {
        var a = hit.article();
        return new ArticleSummary(
                a.id(),
                a.title(),
                a.url(),
                a.source(),
                a.publishedAt(),
                a.language(),
                a.topics(),
                HtmlText.toPlain(hit.snippet()),
                hit.snippet());
    }
}
