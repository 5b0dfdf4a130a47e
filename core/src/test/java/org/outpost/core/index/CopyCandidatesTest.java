package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class CopyCandidatesTest {

    private static final String STORY = String.join(
                    " ",
                    java.util.Collections.nCopies(
                            4,
                            "Border guards seized heroin near the Panj river crossing in the Khatlon region on Tuesday night."))
            + " The courier, a resident of a nearby village, was detained and questioned by investigators.";

    private ArticleIndex index;
    private CopyCandidates candidates;

    @BeforeEach
    void freshIndex() {
        index = new ArticleIndex(
                TestElasticsearch.connection().client(),
                "test-copies-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        candidates = new CopyCandidates(TestElasticsearch.connection().client(), index.alias());
    }

    @Test
    void findsStoredArticlesWithTheSameContentOrANearMinHashOldestFirstForEachArticleOfABatch() {
        Article original = article("a", STORY);
        Article copy = article("b", STORY).withDuplicateOf(original.id());
        Article other = article(
                "c",
                "Parliament debated the budget for schools and hospitals in the northern provinces "
                        + "for the whole afternoon, and the minister answered questions about teachers' salaries and new roads.");
        index.index(List.of(original));
        index.refresh();
        index.index(List.of(copy, other));
        index.refresh();

        Article exact = article("d", STORY);
        Article reprint = article("e", STORY + " Follow our agency on Telegram.");
        Article unrelated = article(
                "f",
                "A football club from Almaty won the national cup after extra time in front "
                        + "of a crowd of twenty thousand people on Sunday evening, the third title in its history so far.");
        List<List<ArticleFingerprint>> found = candidates.of(List.of(exact, reprint, unrelated), 10);

        assertThat(found).hasSize(3);
        assertThat(found.get(0)).extracting(ArticleFingerprint::id).containsExactly(original.id(), copy.id());
        assertThat(found.get(0).get(1).root()).isEqualTo(original.id());
        assertThat(found.get(1)).extracting(ArticleFingerprint::id).startsWith(original.id());
        assertThat(found.get(1).getFirst().isCopiedBy(reprint)).isTrue();
        assertThat(found.get(2)).extracting(ArticleFingerprint::id).doesNotContain(original.id(), copy.id());
    }

    @Test
    void anEmptyBatchAsksNothing() {
        CopyCandidates nowhere =
                new CopyCandidates(TestElasticsearch.connection().client(), "no-such-alias");
        assertThat(nowhere.of(List.of(), 10)).isEmpty();
    }

    @Test
    void anIndexThatCannotAnswerIsReportedUnavailable() {
        CopyCandidates nowhere =
                new CopyCandidates(TestElasticsearch.connection().client(), "no-such-alias");
        assertThatThrownBy(() -> nowhere.of(List.of(article("a", STORY)), 10))
                .isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("copies");
    }

    private static Article article(String site, String body) {
        return Article.builder("Agency " + site, "Heroin seized", body)
                .url("https://" + site + ".example/news/1")
                .build();
    }
}
