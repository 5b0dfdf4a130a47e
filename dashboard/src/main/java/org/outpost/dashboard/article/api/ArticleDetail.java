package org.outpost.dashboard.article.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;

/** One article with its clean text. */
record ArticleDetail(
        String id,
        String title,
        @Nullable String url,
        String source,
        @Nullable String author,
        @Nullable Instant publishedAt,
        @Nullable Instant indexedAt,
        @Nullable String language,
        String snippet,
        String body,
        java.util.Map<String, Double> topicScores,
        List<String> topics,
        List<String> entities,
        boolean datedFromText) {

    static ArticleDetail of(Article a) {
        String snippet = a.body().length() <= 240 ? a.body() : a.body().substring(0, 240) + "…";
        return new ArticleDetail(
                a.id(),
                a.title(),
                a.url(),
                a.source(),
                a.author(),
                a.publishedAt(),
                a.indexedAt(),
                a.language(),
                snippet,
                a.body(),
                a.topicScores(),
                a.topics(),
                a.entities(),
                a.datedFromText());
    }
}
