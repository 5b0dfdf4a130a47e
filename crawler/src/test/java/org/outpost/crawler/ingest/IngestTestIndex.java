package org.outpost.crawler.ingest;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.outpost.core.article.Article;
import org.outpost.core.classify.Classifier;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;

/** A fresh index on the test node, and classified articles to put in it. */
final class IngestTestIndex {

    private static final Classifier CLASSIFIER = Classifier.defaults();

    private IngestTestIndex() {}

    static ArticleIndex fresh() {
        ArticleIndex index = new ArticleIndex(
                TestElasticsearch.connection().client(),
                "ingest-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        return index;
    }

    static Article article(String url, String title, String body) {
        return CLASSIFIER.classify(Article.builder("Wire", title, body)
                .url(url)
                .publishedAt(Instant.parse("2026-03-02T10:00:00Z"))
                .fetchedAt(Instant.now())
                .build());
    }

    /** About 60 words: long enough for a MinHash, so near-copies are recognised. */
    static String story(String subject) {
        return ("Border guards of Tajikistan said on Monday that " + subject + " was found near the Panj river after a "
                + "night patrol stopped a group of smugglers. The State Committee for National Security said the group "
                + "had crossed from Afghanistan and was detained with the help of local residents. An investigation is "
                + "under way and the detained men face charges of smuggling and illegal border crossing, officials said.");
    }
}
