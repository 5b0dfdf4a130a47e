package org.outpost.crawler.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.crawler.ingest.IngestTestIndex.article;
import static org.outpost.crawler.ingest.IngestTestIndex.story;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.CopyCandidates;

class RecognitionTest {

    private final ArticleIndex index = IngestTestIndex.fresh();
    private final Recognition recognition = new Recognition(
            index,
            new CopyRecognition(
                    new CopyCandidates(TestElasticsearch.connection().client(), index.alias())));

    @Test
    void tellsUnchangedChangedCopiedAndNewArticlesApart() {
        Article original = article("https://a.example/heroin", "Heroin found near the Panj", story("heroin"));
        index.index(List.of(original));
        index.refresh();

        Article unchanged = article("https://a.example/heroin", "Heroin found near the Panj", story("heroin"));
        Article changed =
                article("https://a.example/heroin", "Heroin found near the Panj", story("heroin") + " Updated.");
        Article copy = article("https://b.example/reprint", "Heroin found near the Panj", story("heroin"));
        Article fresh = article(
                "https://a.example/cotton",
                "Cotton harvest ends",
                "The cotton harvest in the Fergana valley"
                        + " ended this week with a good yield, farmers and the ministry of agriculture said, and exporters bought the"
                        + " last lots at prices higher than last year; the textile mills in Khujand expect a busy winter.");
        List<Recognition.Recognised> recognised = recognise(unchanged, copy, fresh);

        assertThat(recognised)
                .extracting(Recognition.Recognised::outcome)
                .containsExactly(IngestOutcome.UNCHANGED, IngestOutcome.DUPLICATE, IngestOutcome.NEW);
        assertThat(recognised.get(1).article().duplicateOf()).isEqualTo(original.id());
        assertThat(recognised.get(2).article().duplicateOf()).isNull();
        assertThat(recognise(changed))
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(IngestOutcome.UPDATED));
    }

    @Test
    void aChangedCopyKeepsItsPlaceInItsCopyGroup() {
        Article original = article("https://a.example/drugs", "Drugs seized", story("a kilogram of opium"));
        Article copy = article("https://b.example/drugs", "Drugs seized", story("a kilogram of opium"))
                .withDuplicateOf(original.id());
        index.index(List.of(original, copy));
        index.refresh();

        Article changedCopy =
                article("https://b.example/drugs", "Drugs seized", story("a kilogram of opium") + " Photo added.");

        assertThat(recognise(changedCopy)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(IngestOutcome.UPDATED);
            assertThat(r.article().duplicateOf()).isEqualTo(original.id());
        });
    }

    @Test
    void aCopyOfAnArticleOfTheSameBatchOrOneJustIndexedIsRecognisedBeforeTheIndexRefreshes() {
        Article first = article("https://a.example/clash", "Clash on the border", story("a clash"));
        Article sameBatchCopy = article("https://b.example/clash", "Clash on the border", story("a clash"));
        try (Recognition.Batch batch = recognition.recognise(List.of(first, sameBatchCopy))) {
            assertThat(batch.articles())
                    .extracting(Recognition.Recognised::outcome)
                    .containsExactly(IngestOutcome.NEW, IngestOutcome.DUPLICATE);
            assertThat(batch.articles().get(1).article().duplicateOf()).isEqualTo(first.id());

            index.index(List.of(batch.articles().get(0).article()));
            batch.indexed(
                    List.of(batch.articles().get(0).article())); // not yet searchable: the index has not refreshed
        }
        Article laterCopy = article("https://c.example/clash", "Clash on the border", story("a clash"));

        assertThat(recognise(laterCopy)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(IngestOutcome.DUPLICATE);
            assertThat(r.article().duplicateOf()).isEqualTo(first.id());
        });
    }

    /** One batch recognised and closed without writing it. */
    private List<Recognition.Recognised> recognise(Article... articles) {
        try (Recognition.Batch batch = recognition.recognise(List.of(articles))) {
            return batch.articles();
        }
    }
}
