package org.outpost.crawler.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.BulkReport;

/**
 * The bulk-index stage: writes a batch in one request and matches each item's result back to
 * its article, so one article the index refuses does not fail the others.
 */
final class BulkIndexing {

    /** @param refusal why the index refused the article, null when it took it */
    record Written(Article article, @Nullable String refusal) {
        boolean ok() {
            return refusal == null;
        }
    }

    private final ArticleIndex index;

    BulkIndexing(ArticleIndex index) {
        this.index = index;
    }

    /**
     * @return one {@link Written} per article, in order
     * @throws org.outpost.core.index.IndexUnavailableException when Elasticsearch is away
     */
    List<Written> index(List<Article> articles) {
        if (articles.isEmpty()) {
            return List.of();
        }
        BulkReport report = index.index(articles);
        Map<String, BulkReport.Item> items = new HashMap<>();
        report.items().forEach(item -> items.put(item.id(), item));
        return articles.stream()
                .map(article -> {
                    BulkReport.Item item = items.get(article.id());
                    if (item == null) {
                        return new Written(article, "no result from the index");
                    }
                    return new Written(article, item.ok() ? null : item.error());
                })
                .toList();
    }
}
