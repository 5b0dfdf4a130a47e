package org.outpost.crawler.ingest;

import java.util.List;
import java.util.function.Supplier;
import org.outpost.core.article.Article;
import org.outpost.core.classify.Classifier;

/**
 * The classify stage: topic scores, topics and entities for each article. The classifier is
 * asked for on every batch because an admin can replace the topic definitions while the app runs.
 */
final class Classification {

    private final Supplier<Classifier> classifier;

    Classification(Supplier<Classifier> classifier) {
        this.classifier = classifier;
    }

    List<Article> classify(List<Article> articles) {
        Classifier current = classifier.get();
        return articles.stream().map(current::classify).toList();
    }
}
