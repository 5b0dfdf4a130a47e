package org.outpost.dashboard.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.language.Language;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.core.topic.learn.LabelledText;
import org.outpost.dashboard.OutpostAppTest;
import org.outpost.dashboard.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stored feedback as training data: per article and topic, what most users said. */
@Tag(TestDatabases.TAG)
class FeedbackExamplesTest extends OutpostAppTest {

    private static final List<String> OTHER_TOPICS = List.of(
            "border_security",
            "drug_trafficking",
            "extremism",
            "foreign_fighters",
            "organized_crime",
            "border_conflict",
            "international_cooperation",
            "human_rights");

    @Autowired
    FeedbackExamples examples;

    @Autowired
    FeedbackService feedback;

    @Autowired
    ArticleIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theVerdictMostUsersGaveIsTheLabel() {
        Article article = FeedbackFixtures.article(index, "terrorism", "extremism");
        feedback.give(user("ex-a"), article.id(), "terrorism", Verdict.RIGHT);
        feedback.give(user("ex-b"), article.id(), "terrorism", Verdict.RIGHT);
        feedback.give(user("ex-c"), article.id(), "terrorism", Verdict.WRONG);
        feedback.give(user("ex-a"), article.id(), "extremism", Verdict.WRONG);

        LabelledText text = example(article);

        assertThat(text.origin()).isEqualTo(LabelledText.FEEDBACK);
        assertThat(text.language()).isEqualTo(Language.EN);
        assertThat(text.title()).isEqualTo(article.title());
        assertThat(text.text()).isEqualTo(article.body());
        assertThat(text.positives()).containsExactly("terrorism");
        assertThat(text.negatives()).containsExactly("extremism");
        assertThat(text.label("border_security"))
                .as("a topic nobody named says nothing")
                .isNull();
    }

    @Test
    void aTieSaysNothing() {
        Article article = FeedbackFixtures.article(index, "terrorism", "extremism");
        feedback.give(user("ex-a"), article.id(), "terrorism", Verdict.RIGHT);
        feedback.give(user("ex-b"), article.id(), "terrorism", Verdict.WRONG);
        feedback.give(user("ex-a"), article.id(), "extremism", Verdict.RIGHT);

        LabelledText text = example(article);

        assertThat(text.label("terrorism")).isNull();
        assertThat(text.positives()).containsExactly("extremism");
    }

    @Test
    void anArticleWhoseEveryTopicIsTiedIsNoExample() {
        Article article = FeedbackFixtures.article(index, "terrorism");
        feedback.give(user("ex-a"), article.id(), "terrorism", Verdict.RIGHT);
        feedback.give(user("ex-b"), article.id(), "terrorism", Verdict.WRONG);

        assertThat(examples.examples()).noneMatch(t -> t.id().equals("feedback:" + article.id()));
    }

    @Test
    void notRelevantSaysNoForEveryTopicUnlessMostSaidYes() {
        Article article = FeedbackFixtures.article(index, "terrorism");
        feedback.give(user("ex-a"), article.id(), null, Verdict.NOT_RELEVANT);
        feedback.give(user("ex-b"), article.id(), null, Verdict.NOT_RELEVANT);
        feedback.give(user("ex-c"), article.id(), "drug_trafficking", Verdict.MISSING);
        feedback.give(user("ex-d"), article.id(), "drug_trafficking", Verdict.MISSING);
        feedback.give(user("ex-e"), article.id(), "drug_trafficking", Verdict.MISSING);

        LabelledText text = example(article);

        assertThat(text.positives()).containsExactly("drug_trafficking");
        assertThat(text.negatives()).contains("terrorism").doesNotContain("drug_trafficking");
        assertThat(text.negatives())
                .containsAll(OTHER_TOPICS.stream()
                        .filter(t -> !t.equals("drug_trafficking"))
                        .toList());
    }

    @Test
    void aUsersOwnTopicVerdictOutweighsTheirNotRelevant() {
        Article article = FeedbackFixtures.article(index, "terrorism");
        feedback.give(user("ex-a"), article.id(), null, Verdict.NOT_RELEVANT);
        feedback.give(user("ex-a"), article.id(), "terrorism", Verdict.RIGHT);

        LabelledText text = example(article);

        assertThat(text.positives()).containsExactly("terrorism");
        assertThat(text.negatives()).contains("extremism");
    }

    @Test
    void missingListsTheTextsMostSaidLackATopic() {
        Article missing = FeedbackFixtures.article(index, "terrorism");
        feedback.give(user("ex-a"), missing.id(), "foreign_fighters", Verdict.MISSING);
        feedback.give(user("ex-b"), missing.id(), "foreign_fighters", Verdict.MISSING);
        Article outvoted = FeedbackFixtures.article(index, "terrorism");
        feedback.give(user("ex-a"), outvoted.id(), "foreign_fighters", Verdict.MISSING);
        feedback.give(user("ex-b"), outvoted.id(), null, Verdict.NOT_RELEVANT);
        feedback.give(user("ex-c"), outvoted.id(), null, Verdict.NOT_RELEVANT);

        List<String> ids = examples.missing().getOrDefault("foreign_fighters", List.of()).stream()
                .map(LabelledText::id)
                .toList();

        assertThat(ids).contains("feedback:" + missing.id()).doesNotContain("feedback:" + outvoted.id());
    }

    @Test
    void theTextOutlivesTheArticleInTheIndexAndGoesWithTheLastVerdict() throws Exception {
        Article article = FeedbackFixtures.article(index, "terrorism");
        feedback.give(user("ex-a"), article.id(), "terrorism", Verdict.WRONG);

        // retention deletes old articles from the index; the feedback stays training data
        TestElasticsearch.connection()
                .client()
                .delete(d -> d.index(index.currentIndexName())
                        .id(article.id())
                        .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        assertThat(index.get(article.id())).isEmpty();
        assertThat(example(article).negatives()).containsExactly("terrorism");

        feedback.withdraw("ex-a", article.id(), "terrorism");
        assertThat(jdbc.queryForObject(
                        "select count(*) from feedback_article where article_id = ?", Integer.class, article.id()))
                .isZero();
        assertThat(examples.examples()).noneMatch(t -> t.id().equals("feedback:" + article.id()));
    }

    private LabelledText example(Article article) {
        return examples.examples().stream()
                .filter(t -> t.id().equals("feedback:" + article.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no example for " + article.id()));
    }

    private String user(String name) {
        return TestAccounts.ensure(jdbc, name);
    }
}
