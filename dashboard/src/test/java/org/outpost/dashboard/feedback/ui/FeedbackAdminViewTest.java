package org.outpost.dashboard.feedback.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.TestAccounts;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.feedback.FeedbackOverview;
import org.outpost.dashboard.feedback.FeedbackService;
import org.outpost.dashboard.feedback.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

class FeedbackAdminViewTest extends ViewTest {

    @Autowired
    ArticleIndex index;

    @Autowired
    FeedbackService feedback;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void feedbackPage_topicChosen_listsTheArticlesBehindItWithTheirVerdicts() {
        Article article = indexed("organized_crime");
        feedback.give(TestAccounts.ensure(jdbc, "fbv-a"), article.id(), "organized_crime", Verdict.WRONG);
        feedback.give(TestAccounts.ensure(jdbc, "fbv-b"), article.id(), "organized_crime", Verdict.WRONG);

        FeedbackAdminView view = navigate(FeedbackAdminView.class);
        assertThat(view.empty.isVisible()).isFalse();
        assertThat(view.articlesEmpty.getText()).contains("Choose a topic");
        FeedbackOverview.TopicFeedback row = view.topics
                .getListDataView()
                .getItems()
                .filter(t -> t.topic().equals("organized_crime"))
                .findFirst()
                .orElseThrow();
        assertThat(row.wrong()).isGreaterThanOrEqualTo(2);
        assertThat(FeedbackAdminView.agreement(row.agreement(), java.util.Locale.ENGLISH))
                .as("both users agree on the article")
                .matches("\\d+%");

        view.topics.select(row);

        assertThat(view.articlesHeading.getText()).contains("Organised crime");
        FeedbackOverview.ArticleFeedback listed = view.articles
                .getListDataView()
                .getItems()
                .filter(a -> a.articleId().equals(article.id()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.wrong()).isEqualTo(2);
        assertThat(listed.users()).isEqualTo(2);
        assertThat(listed.title()).isEqualTo(article.title());
    }

    @Test
    void agreement_withNothingToCompare_isADash() {
        assertThat(FeedbackAdminView.agreement(null, java.util.Locale.ENGLISH)).isEqualTo("—");
        assertThat(FeedbackAdminView.agreement(0.5, java.util.Locale.ENGLISH)).isEqualTo("50%");
    }

    @Test
    @WithMockUser(username = "fbv-analyst", roles = "ANALYST")
    void feedbackPage_forAnAnalyst_isNotShown() {
        try {
            UI.getCurrent().navigate("admin/feedback");
        } catch (RuntimeException refused) {
            // refused by throwing is as good as being sent elsewhere
        }
        assertThat(getCurrentView()).isNotInstanceOf(FeedbackAdminView.class);
    }

    private Article indexed(String label) {
        String unique = UUID.randomUUID().toString();
        Article article = Article.builder(
                        "Feedback Admin Wire",
                        "Smugglers held at the market " + unique,
                        "Police held smugglers. " + unique)
                .url("https://feedback-admin-test.example/" + unique)
                .language("en")
                .fetchedAt(Instant.now())
                .build()
                .withClassification(Map.of(label, 0.7), List.of(label), List.of());
        index.index(List.of(article));
        index.refresh();
        return article;
    }
}
