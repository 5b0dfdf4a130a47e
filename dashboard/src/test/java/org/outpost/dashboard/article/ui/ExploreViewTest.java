package org.outpost.dashboard.article.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.dashboard.ViewTest;

class ExploreViewTest extends ViewTest {

    @Test
    void explore_aBadQuery_isMarkedAtTheSearchBoxWithTheParsersReason() {
        ArticlesView view = navigate(ArticlesView.class);

        test(view.search).setValue("border AND (security");

        assertThat(view.search.isInvalid()).isTrue();
        assertThat(view.search.getErrorMessage()).contains("Cannot parse");
        assertThat(view.grid.isVisible()).isFalse();
    }

    @Test
    void explore_aTopicFacet_narrowsTheResultsAndTheFacetCountSaysByHowMuch() {
        ArticlesView view = navigate(ArticlesView.class);
        long all = count(view.summary.getText());
        String topic = view.facets.topics.getListDataView().getItems().findFirst().orElseThrow();
        String label = view.facets.topics.getItemLabelGenerator().apply(topic);
        long expected = Long.parseLong(label.replaceAll(".*\\((\\d+)\\)$", "$1"));

        view.facets.topics.setValue(Set.of(topic));

        assertThat(count(view.summary.getText())).isEqualTo(expected).isLessThanOrEqualTo(all);
        assertThat(view.exportCsv.getHref()).contains("topic=" + topic);
    }

    private static long count(String summary) {
        return Long.parseLong(summary.replaceAll("[^0-9].*$", "").replace(",", ""));
    }
}
