package org.outpost.dashboard.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;

class OverviewViewTest extends ViewTest {

    @Test
    void overview_opens_showsOneCardPerTopicWithTheSampleCorpusCounted() {
        OverviewView view = open(OverviewView.class, Map.of("range", "90d"));
        settle(view.loading);

        List<TopicCard> cards = $(TopicCard.class).all();
        assertThat(cards).hasSize(9);
        assertThat(cards.stream().mapToLong(OverviewViewTest::count).sum()).isPositive();
        assertThat($(LatestArticle.class).all()).isNotEmpty();
    }

    @Test
    void overview_withATopicInTheUrl_listsOnlyThatTopicsArticles() {
        OverviewView view = open(OverviewView.class, Map.of("range", "30d", "topic", "terrorism"));
        settle(view.loading);

        List<LatestArticle> latest = $(LatestArticle.class).all();
        assertThat(latest).isNotEmpty();
        assertThat(latest)
                .allSatisfy(a -> assertThat(a.getElement().getTextRecursively()).contains("Terrorism"));
    }

    @Test
    void overview_choosingATopicAndPeriod_putsThemInTheAddressAndLinksTheTopicPage() {
        OverviewView view = navigate(OverviewView.class);
        addressBar(); // what opening the page wrote

        select("Period").setValue("30d");
        select("Topic").setValue("terrorism");
        settle(view.loading);

        assertThat(addressBar()).last().asString().contains("range=30d").contains("topic=terrorism");
        Anchor topicPage = $(Anchor.class).withClassName("topic-page-link").single();
        assertThat(topicPage.isVisible()).isTrue();
        assertThat(topicPage.getHref()).isEqualTo("topics/terrorism?range=30d");
        assertThat($(LatestArticle.class).all())
                .allSatisfy(a -> assertThat(a.getElement().getTextRecursively()).contains("Terrorism"));
    }

    @Test
    void overview_customPeriodWithoutDays_asksForThemInsteadOfShowingStaleNumbers() {
        OverviewView view = navigate(OverviewView.class);
        settle(view.loading);

        select("Period").setValue("custom");
        settle(view.loading); // nothing may load and overwrite the message

        Div message = $(Div.class).withClassName("overview-message").single();
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("Choose the first and last day");
        assertThat(view.loading.isLoading()).isFalse();
        assertThat(addressBar()).last().asString().contains("range=custom");
    }

    @Test
    void overview_clickingATopicCard_opensExploreWithThatTopicAndThePeriodsDays() {
        OverviewView view = open(OverviewView.class, Map.of("range", "90d"));
        settle(view.loading);
        TopicCard card = $(TopicCard.class).all().stream()
                .filter(c -> count(c) > 0)
                .findFirst()
                .orElseThrow();
        String topic = card.getElement().getAttribute("data-topic");

        ComponentUtil.fireEvent(card, new ClickEvent<>(card));

        var location = UI.getCurrent().getInternals().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("explore");
        var parameters = location.getQueryParameters();
        assertThat(parameters.getSingleParameter("q")).contains("topics:" + topic);
        assertThat(parameters.getSingleParameter("from")).isPresent();
        assertThat(parameters.getSingleParameter("to")).isPresent();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ArticlesView");
    }

    @Test
    void overview_answersWithItsCardsOrWithProgressThenTheCards() {
        OverviewView view = open(OverviewView.class, Map.of("range", "30d"));

        // counts done within outpost.dashboard.first-answer-wait are in the first answer; slower ones leave the
        // progress bar on and no card until they arrive (FirstAnswerTest pins each case down)
        if (view.loading.indicator().isVisible()) {
            assertThat($(TopicCard.class).all()).isEmpty();
        } else {
            assertThat($(TopicCard.class).all()).hasSize(9);
        }

        settle(view.loading);

        assertThat(view.loading.indicator().isVisible()).isFalse();
        assertThat($(TopicCard.class).all()).hasSize(9);
    }

    @SuppressWarnings("unchecked")
    private Select<String> select(String label) {
        return $(Select.class).withCaption(label).single();
    }

    private static long count(TopicCard card) {
        return Long.parseLong(card.getChildren()
                .filter(c -> c.hasClassName("topic-count"))
                .map(c -> ((Span) c).getText())
                .findFirst()
                .orElseThrow());
    }
}
