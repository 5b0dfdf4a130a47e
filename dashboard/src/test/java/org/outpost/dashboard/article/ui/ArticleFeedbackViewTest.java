package org.outpost.dashboard.article.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.classify.Classification;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.feedback.FeedbackService;
import org.outpost.dashboard.feedback.Verdict;
import org.springframework.beans.factory.annotation.Autowired;

/** Feedback where the mistake is seen: the article page's buttons and the Explore card's menu. */
class ArticleFeedbackViewTest extends ViewTest {

    @Autowired
    ArticleIndex index;

    @Autowired
    FeedbackService feedback;

    @Autowired
    ClassifierService classifiers;

    @Test
    void articlePage_wrongClickedTwice_storesTheVerdictThenWithdrawsIt() {
        Article article = indexed("terrorism");
        navigate(ArticleView.class, Map.of("id", article.id()));
        Button wrong = button("feedback-wrong", "terrorism");

        test(wrong).click();

        assertThat(verdicts(article)).containsExactly("terrorism=WRONG");
        assertThat(wrong.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(wrong.getAriaLabel())
                .hasValueSatisfying(label -> assertThat(label).contains("Wrong"));

        test(wrong).click();

        assertThat(verdicts(article)).isEmpty();
        assertThat(wrong.getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void articlePage_undoInTheNotice_bringsBackTheVerdictBefore() {
        Article article = indexed("terrorism");
        feedback.give("admin", article.id(), "terrorism", Verdict.RIGHT);
        navigate(ArticleView.class, Map.of("id", article.id()));
        assertThat(button("feedback-right", "terrorism").getElement().getAttribute("aria-pressed"))
                .as("the page shows the verdict already given")
                .isEqualTo("true");

        test(button("feedback-wrong", "terrorism")).click();
        assertThat(verdicts(article)).containsExactly("terrorism=WRONG");
        Notification notice =
                $(Notification.class).withClassName("feedback-notice").last();
        assertThat($(Span.class, notice).first().getText()).contains("is wrong");

        test($(Button.class, notice).withClassName("feedback-undo").single()).click();

        assertThat(verdicts(article)).containsExactly("terrorism=RIGHT");
    }

    @Test
    void articlePage_missingTopicPicked_isStoredAndShownToWithdraw() {
        Article article = indexed("terrorism");
        ArticleView view = navigate(ArticleView.class, Map.of("id", article.id()));
        ArticleFeedbackBar bar = $(ArticleFeedbackBar.class, view).single();
        assertThat(bar.missingTopic.getListDataView().getItems())
                .doesNotContain("terrorism")
                .contains("extremism");

        test(bar.missingTopic)
                .selectItem(bar.missingTopic.getItemLabelGenerator().apply("extremism"));

        assertThat(verdicts(article)).containsExactly("extremism=MISSING");
        assertThat($(Span.class, bar.named).first().getText()).contains("Extremism");

        test(bar.notRelevant).click();
        assertThat(verdicts(article)).containsExactlyInAnyOrder("extremism=MISSING", "null=NOT_RELEVANT");
    }

    @Test
    void articlePage_topicRow_listsTheLearnedTermsUnderTheRuleClauses() {
        Article article = indexed("terrorism");
        Classification classification =
                classifiers.current().classify(article.language(), article.title(), article.body());
        navigate(ArticleView.class, Map.of("id", article.id()));

        long rowsWithLearnedTerms = classification.topics().learned().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .filter(e -> classification.topics().scores().getOrDefault(e.getKey(), 0.0) > 0)
                .count();
        // each row whose topic the model weighed in on has a second list: the terms that weighed most
        assertThat($(Span.class).withClassName("topic-learned-heading").all())
                .hasSize((int) rowsWithLearnedTerms)
                .allSatisfy(heading -> assertThat(heading.getText()).isEqualTo("Learned terms"));
    }

    @Test
    void exploreCard_notRelevantInTheMenu_isStoredAndChecked() {
        Article article = indexed("terrorism");
        ArticleFeedback state =
                new ArticleFeedback(feedback, "admin", article, ArticleView.topicNames(classifiers.current()));
        CardFeedbackMenu menu = new CardFeedbackMenu(state);
        com.vaadin.flow.component.UI.getCurrent().add(menu);

        new com.vaadin.flow.component.menubar.MenuBarTester<>(menu)
                .clickItem(0, 3); // the icon, then: Terrorism right, wrong, Missing topic, Not relevant

        assertThat(verdicts(article)).containsExactly("null=NOT_RELEVANT");
        new com.vaadin.flow.component.menubar.MenuBarTester<>(menu).clickItem(0, 1);
        assertThat(verdicts(article)).containsExactlyInAnyOrder("null=NOT_RELEVANT", "terrorism=WRONG");
        assertThat(new com.vaadin.flow.component.menubar.MenuBarTester<>(menu).isItemChecked(0, 1))
                .isTrue();
    }

    private Button button(String className, String topic) {
        return $(TopicFeedbackButtons.class).all().stream()
                .flatMap(b -> $(Button.class, b).withClassName(className).all().stream())
                .filter(b -> b.getAriaLabel().orElse("").contains(topicName(topic)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + className + " button for " + topic));
    }

    private String topicName(String topic) {
        return ArticleView.topicNames(classifiers.current()).get(topic);
    }

    private List<String> verdicts(Article article) {
        return feedback.mine("admin", article.id()).stream()
                .map(f -> f.topic() + "=" + f.verdict())
                .toList();
    }

    /** An article whose labels the test chooses, with a text the scorer gives a few topics. */
    private Article indexed(String... labels) {
        String unique = UUID.randomUUID().toString();
        Article article = Article.builder(
                        "Feedback View Wire",
                        "Militants attacked a border post " + unique,
                        "Militants attacked a border post in Tajikistan; the terrorist group claimed the attack "
                                + "and border guards arrested smugglers. " + unique)
                .url("https://feedback-view-test.example/" + unique)
                .language("en")
                .fetchedAt(Instant.now())
                .build();
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        for (String label : labels) {
            scores.put(label, 0.8);
        }
        article = article.withClassification(scores, List.of(labels), List.of());
        index.index(List.of(article));
        index.refresh();
        return article;
    }
}
