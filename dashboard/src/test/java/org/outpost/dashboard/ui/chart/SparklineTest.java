package org.outpost.dashboard.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void pointsSpanTheWidthWithTheLargestValueNearTheTopAndZeroAtTheBottom() {
        assertThat(Sparkline.points(List.of(0L, 5L, 10L))).isEqualTo("0.0,34.0 50.0,18.0 100.0,2.0");
    }

    @Test
    void anAllZeroOrSingleValueSeriesStillDraws() {
        assertThat(Sparkline.points(List.of(0L, 0L))).isEqualTo("0.0,34.0 100.0,34.0");
        assertThat(Sparkline.points(List.of(3L))).isEqualTo("50.0,2.0");
        assertThat(Sparkline.svg(List.of(), "#1676f3"))
                .doesNotContain("polyline")
                .startsWith("<svg");
    }

    @Test
    void onlyHexColoursGoIntoTheMarkup() {
        assertThat(Sparkline.svg(List.of(1L, 2L), "#1676f3")).contains("stroke=\"#1676f3\"");
        assertThatThrownBy(() -> Sparkline.svg(List.of(1L), "red\"/><script>alert(1)</script>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
