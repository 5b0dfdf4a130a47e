package org.outpost.alerts.match;

import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleQuery;

/** The facet filters of a subscription, applied to one article as the index applies them to many. */
final class FilterCheck {

    private FilterCheck() {}

    static boolean passes(ArticleQuery.Filters filters, Article article) {
        if (!filters.topics().isEmpty()
                && filters.topics().entrySet().stream()
                        .noneMatch(t -> t.getValue() <= 0
                                ? article.topics().contains(t.getKey())
                                : article.topicScores().getOrDefault(t.getKey(), 0.0) >= t.getValue())) {
            return false;
        }
        if (!filters.sources().isEmpty() && !filters.sources().contains(article.source())) {
            return false;
        }
        if (!filters.entities().isEmpty() && filters.entities().stream().noneMatch(article.entities()::contains)) {
            return false;
        }
        return filters.languages().isEmpty() || filters.languages().contains(article.language());
    }
}
