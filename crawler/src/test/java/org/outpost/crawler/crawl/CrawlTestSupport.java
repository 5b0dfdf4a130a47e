package org.outpost.crawler.crawl;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;

/** A fresh database name and index per test, and ways to read what a crawl left behind. */
abstract class CrawlTestSupport {

    final String database = "crawl" + UUID.randomUUID().toString().replace("-", "");
    final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "crawl-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
    final ArticleSearch search =
            new ArticleSearch(TestElasticsearch.connection().client(), index.alias());

    CrawlTestSupport() {
        index.ensureExists();
    }

    CrawlerHarness harness(Path dataDir) {
        return harness(dataDir, Map.of());
    }

    CrawlerHarness harness(Path dataDir, Map<String, Object> properties) {
        return new CrawlerHarness(database, index, dataDir, properties);
    }

    /** Every article in the index, copies included. */
    List<Article> indexed() {
        index.refresh();
        java.util.ArrayList<Article> all = new java.util.ArrayList<>();
        index.forEachBatch(500, batch -> batch.forEach(v -> all.add(v.article())));
        return all;
    }

    /** What a reader sees in lists: originals only. */
    long listed() {
        index.refresh();
        return search.search(ArticleQuery.all(10)).total();
    }
}
