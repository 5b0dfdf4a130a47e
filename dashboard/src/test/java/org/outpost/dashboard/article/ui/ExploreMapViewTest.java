package org.outpost.dashboard.article.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.ComponentUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.ui.chart.EChart;

/** Explore's map: folded until opened, then the counts of the current search; a click filters on the entity. */
class ExploreMapViewTest extends ViewTest {

    @Test
    void explore_openingTheMap_countsTheSearchAndAClickAddsTheEntityToTheFilters() throws Exception {
        ArticlesView view = open(ArticlesView.class, Map.of("q", "Dushanbe"));
        EChart chart = $(EChart.class).withClassName("map-chart").single();
        assertThat(chart.getElement().getProperty("option"))
                .as("no count while folded")
                .isNull();

        view.mapDetails.setOpened(true);
        settle(view.map.loading());

        JsonNode option = new ObjectMapper().readTree(chart.getElement().getProperty("option"));
        List<String> markers = new ArrayList<>();
        option.path("series")
                .get(0)
                .path("data")
                .forEach(d -> markers.add(d.path("name").asText()));
        assertThat(markers).contains("place:Dushanbe");

        ComponentUtil.fireEvent(chart, new EChart.ClickEvent(chart, true, "", "place:Dushanbe", 0));

        assertThat(view.facets.filters().entities()).containsExactly("place:Dushanbe");
        assertThat(addressBar())
                .last()
                .asString()
                .contains("entity=place%3ADushanbe")
                .contains("q=Dushanbe");
    }
}
