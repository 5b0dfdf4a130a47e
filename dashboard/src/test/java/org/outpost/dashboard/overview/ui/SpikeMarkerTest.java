package org.outpost.dashboard.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.trend.Spike;
import org.outpost.dashboard.ui.chart.ChartOptions;

class SpikeMarkerTest {

    private static final Spike SPIKE = new Spike("border", Instant.parse("2026-11-20T10:00:00Z"), 14, 2.0, 6.5);

    @Test
    void theMarkerNamesTheNumbersTheComparisonAndTheArticlesDrivingItEscaped() {
        String tooltip = SpikeMarker.tooltip(SPIKE, List.of("Clashes near Vorukh", "<script>alert(1)</script> {a}"));
        assertThat(tooltip)
                .contains("14 articles against a usual 2.0 (z = 6.5)")
                .contains("Compared with the weighted average of the bars before it")
                .contains("• Clashes near Vorukh")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChartCarriesEachMarkersTooltipWithItsBracesKeptAsText() {
        Map<String, Object> option = ChartOptions.timeSeriesMarked(
                List.of("09:00", "10:00"),
                Map.of("border", List.of(2L, 14L)),
                Map.of("border", "Border"),
                false,
                Map.of("border", List.of(new ChartOptions.Mark("10:00", SpikeMarker.tooltip(SPIKE, List.of("A {b}"))))),
                "articles");
        Map<String, Object> series = (Map<String, Object>) ((List<Object>) option.get("series")).getFirst();
        Map<String, Object> markPoint = (Map<String, Object>) series.get("markPoint");
        Map<String, Object> point = (Map<String, Object>) ((List<Object>) markPoint.get("data")).getFirst();
        assertThat(point.get("coord")).isEqualTo(List.of("10:00", 14L));
        String formatter = (String) ((Map<String, Object>) point.get("tooltip")).get("formatter");
        assertThat(formatter).contains("14 articles").contains("A &#123;b&#125;");
    }
}
