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
        open(OverviewView.class, Map.of("range", "90d"));

        List<TopicCard> cards = $(TopicCard.class).all();
        assertThat(cards).hasSize(9);
        assertThat(cards.stream().mapToLong(OverviewViewTest::count).sum()).isPositive();
        assertThat($(LatestArticle.class).all()).isNotEmpty();
    }

    @Test
    void overview_withATopicInTheUrl_listsOnlyThatTopicsArticles() {
        open(OverviewView.class, Map.of("range", "30d", "topic", "terrorism"));

        List<LatestArticle> latest = $(LatestArticle.class).all();
        assertThat(latest).isNotEmpty();
        assertThat(latest).allSatisfy(a -> assertThat(a.getElement().getTextRecursively()).contains("Terrorism"));
    }

    @Test
    void overview_choosingATopicAndPeriod_putsThemInTheAddressAndLinksTheTopicPage() {
        navigate(OverviewView.class);
        addressBar(); // what opening the page wrote

        select("Period").setValue("30d");
        select("Topic").setValue("terrorism");

        assertThat(addressBar()).last().asString().contains("range=30d").contains("topic=terrorism");
        Anchor topicPage = $(Anchor.class).withClassName("topic-page-link").single();
        assertThat(topicPage.isVisible()).isTrue();
        assertThat(topicPage.getHref()).isEqualTo("topics/terrorism?range=30d");
        assertThat($(LatestArticle.class).all())
                .allSatisfy(a -> assertThat(a.getElement().getTextRecursively()).contains("Terrorism"));
    }

    @Test
    void overview_customPeriodWithoutDays_asksForThemInsteadOfShowingStaleNumbers() {
        navigate(OverviewView.class);

        select("Period").setValue("custom");

        Div message = $(Div.class).withClassName("overview-message").single();
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("Choose the first and last day");
        assertThat(addressBar()).last().asString().contains("range=custom");
    }

    @Test
    void overview_clickingATopicCard_opensExploreWithThatTopicAndThePeriodsDays() {
        open(OverviewView.class, Map.of("range", "90d"));
        TopicCard card = $(TopicCard.class).all().stream().filter(c -> count(c) > 0).findFirst().orElseThrow();
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

    @SuppressWarnings("unchecked")
    private Select<String> select(String label) {
        return $(Select.class).withCaption(label).single();
    }

    private static long count(TopicCard card) {
        return Long.parseLong(card.getChildren().filter(c -> c.hasClassName("topic-count")).map(c -> ((Span) c).getText())
                .findFirst().orElseThrow());
    }
}
