package org.outpost.dashboard.alert.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.ArticleQuery;

class AlertLinksTest {

    @Test
    void exploresSearchComesBackAsTheSameQueryAndFilters() {
        ArticleQuery.Filters filters = new ArticleQuery.Filters(
                Map.of("border_security", 0.6, "terrorism", 0.0),
                List.of("Asia-Plus"),
                List.of("org:CSTO", "place:Khorog"),
                List.of("ru"));

        QueryParameters link = AlertLinks.newAlert("border AND (heroin OR opium)", "Caravanserai", filters);
        AlertLinks.Prefill prefill = AlertLinks.prefill(QueryParameters.fromString(link.getQueryString()));

        assertThat(link.getQueryString())
                .contains("topics=border_security%3A0.6")
                .contains("topics=terrorism");
        assertThat(prefill).isNotNull();
        assertThat(prefill.query()).isEqualTo("border AND (heroin OR opium)");
        assertThat(prefill.filters().topics()).isEqualTo(Map.of("border_security", 0.6, "terrorism", 0.0));
        assertThat(prefill.filters().sources()).containsExactly("Asia-Plus", "Caravanserai");
        assertThat(prefill.filters().entities()).containsExactly("org:CSTO", "place:Khorog");
        assertThat(prefill.filters().languages()).containsExactly("ru");
    }

    @Test
    void parametersNamingNoSearchStartNothing() {
        assertThat(AlertLinks.prefill(QueryParameters.fromString("subscription=4&mute=7d")))
                .isNull();
        assertThat(AlertLinks.prefill(QueryParameters.fromString("query=%20"))).isNull();
    }

    @Test
    void theMuteLinkTakesDaysOrHoursUpToAYear() {
        assertThat(AlertsView.duration("7d")).contains(Duration.ofDays(7));
        assertThat(AlertsView.duration("12h")).contains(Duration.ofHours(12));
        assertThat(AlertsView.duration("0d")).isEmpty();
        assertThat(AlertsView.duration("400d")).isEmpty();
        assertThat(AlertsView.duration("forever")).isEmpty();
    }
}
