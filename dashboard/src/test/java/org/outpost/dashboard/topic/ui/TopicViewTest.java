package org.outpost.dashboard.topic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouteParameters;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;

class TopicViewTest extends ViewTest {

    @Test
    void topicPage_showsTheTopicAndEveryNameLeadsToItsArticlesInExplore() {
        TopicView view = open(TopicView.class, new RouteParameters("id", "terrorism"), Map.of("range", "90d"));
        settle(view.loading);

        assertThat($(H2.class).withClassName("view-title").single().getText()).isEqualTo("Terrorism");
        assertThat($(Select.class).withCaption("Period").single().getValue()).isEqualTo("90d");
        List<Anchor> entityLinks = $(Anchor.class, panel("topic-entities")).all();
        assertThat(entityLinks).isNotEmpty();
        assertThat(entityLinks).allSatisfy(link -> {
            String href = URLDecoder.decode(link.getHref(), StandardCharsets.UTF_8);
            assertThat(href)
                    .startsWith("explore?q=topics:terrorism AND entities:\"")
                    .contains("&from=")
                    .contains("&to=");
        });
        assertThat($(Anchor.class, panel("topic-latest")).all())
                .isNotEmpty()
                .allSatisfy(link -> assertThat(link.getHref()).startsWith("articles/"));
    }

    @Test
    void topicPage_changingThePeriod_putsItInTheAddress() {
        navigate(TopicView.class, Map.of("id", "terrorism"));
        addressBar();

        @SuppressWarnings("unchecked")
        Select<String> range = $(Select.class).withCaption("Period").single();
        range.setValue("24h");

        assertThat(addressBar()).last().asString().contains("range=24h");
    }

    @Test
    void topicPage_ofAnUnknownTopic_saysSoInsteadOfFailing() {
        navigate(TopicView.class, Map.of("id", "no-such-topic"));

        assertThat($(H2.class).single().getText()).isEqualTo("Topic not found");
        assertThat($(Div.class).withClassName("topic-trend-panel").exists()).isFalse();
    }

    private Div panel(String className) {
        return $(Div.class).withClassName(className).single();
    }
}
