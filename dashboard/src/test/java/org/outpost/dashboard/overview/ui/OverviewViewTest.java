package org.outpost.dashboard.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;

class OverviewViewTest extends ViewTest {

    @Test
    void overview_opens_showsOneCardPerTopicWithTheSampleCorpusCounted() {
        navigate(OverviewView.class);

        List<TopicCard> cards = $(TopicCard.class).all();
        assertThat(cards).hasSize(9);
        long total = cards.stream().mapToLong(card -> Long.parseLong(
                card.getChildren().filter(c -> c.hasClassName("topic-count")).map(c -> ((Span) c).getText())
                        .findFirst().orElseThrow())).sum();
        assertThat(total).isPositive();
        assertThat($(LatestArticle.class).all()).isNotEmpty();
    }

    @Test
    void overview_withATopicInTheUrl_listsOnlyThatTopicsArticles() {
        com.vaadin.flow.component.UI.getCurrent().navigate("",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("range", "30d", "topic", "terrorism")));

        List<LatestArticle> latest = $(LatestArticle.class).all();
        assertThat(latest).isNotEmpty();
        assertThat(latest).allSatisfy(a -> assertThat(a.getElement().getTextRecursively()).contains("Terrorism"));
    }
}
