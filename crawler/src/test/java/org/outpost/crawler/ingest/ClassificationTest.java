package org.outpost.crawler.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.classify.Classifier;

class ClassificationTest {

    private static final Classifier CLASSIFIER = Classifier.defaults();

    @Test
    void scoresEachArticleOfABatchInOrder() {
        Classification classification = new Classification(() -> CLASSIFIER);
        Article drugs = Article.builder(
                        "Wire",
                        "Heroin seized at the border",
                        "Tajik border guards seized 40 kilograms of heroin from smugglers crossing the Panj river near Khorog.")
                .build();
        Article cotton = Article.builder(
                        "Wire",
                        "Cotton harvest ends",
                        "The cotton harvest in the Fergana valley ended this week with a good yield, farmers said.")
                .build();

        List<Article> classified = classification.classify(List.of(drugs, cotton));

        assertThat(classified).extracting(Article::id).containsExactly(drugs.id(), cotton.id());
        assertThat(classified.get(0).topics()).contains("drug_trafficking");
        assertThat(classified.get(0).language()).isEqualTo("en");
        assertThat(classified.get(1).topics()).doesNotContain("drug_trafficking");
    }

    @Test
    void asksForTheClassifierOnEveryBatchSoReplacedTopicsApplyToTheNextOne() {
        AtomicInteger asked = new AtomicInteger();
        Classification classification = new Classification(() -> {
            asked.incrementAndGet();
            return CLASSIFIER;
        });
        Article article =
                Article.builder("Wire", "Title", "Body text of an article.").build();

        classification.classify(List.of(article, article));
        classification.classify(List.of(article));

        assertThat(asked).hasValue(2);
    }
}
