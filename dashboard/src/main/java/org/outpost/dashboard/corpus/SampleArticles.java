package org.outpost.dashboard.corpus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.outpost.core.article.Article;
import org.outpost.core.classify.Classifier;
import org.outpost.core.text.CleanStory;
import org.outpost.core.text.PageCleaner;
import org.outpost.seeds.SampleCorpus;
import org.outpost.seeds.SampleDocument;

/** Turns the scraped sample pages into clean articles: one per page, or one per story of a digest. */
final class SampleArticles {

    private final PageCleaner cleaner = new PageCleaner();
    private final Classifier classifier;

    SampleArticles(Classifier classifier) {
        this.classifier = classifier;
    }

    List<Article> from(SampleCorpus corpus, Instant fetchedAt) {
        List<Article> articles = new ArrayList<>();
        for (SampleDocument document : corpus.documents()) {
            List<CleanStory> stories = cleaner.clean(document.text());
            for (CleanStory story : stories) {
                articles.add(classifier.classify(toArticle(document, story, stories.size() == 1, fetchedAt)));
            }
        }
        return articles;
    }

    private static Article toArticle(SampleDocument document, CleanStory story, boolean wholePage, Instant fetchedAt) {
        // a digest's stories name their own publisher; the page's URL belongs to the digest, not to them
        String source = story.attribution() != null ? story.attribution() : document.source();
        return Article.builder(source, story.title(), story.body())
                .url(wholePage ? document.url() : null)
                .author(story.author())
                .publishedAt(story.publishedOn() == null ? null : story.publishedOn().atStartOfDay().toInstant(ZoneOffset.UTC))
                .fetchedAt(fetchedAt)
                .language(document.language())
                .build();
    }
}
