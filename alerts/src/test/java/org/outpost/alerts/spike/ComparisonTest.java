package org.outpost.alerts.spike;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.subscription.SpikeSensitivity;

class ComparisonTest {

    private static List<Long> times(int n, long value) {
        return Collections.nCopies(n, value);
    }

    @Test
    void aFewArticlesOnASubjectThatHadNoneAreNoSpikeBelowThePresetsMinimumCount() {
        assertThat(Comparison.of(SpikeSensitivity.BALANCED, 0, 4, times(7, 0L)).isSpike())
                .isFalse();
        assertThat(Comparison.of(SpikeSensitivity.FEWER, 0, 9, times(14, 0L)).isSpike())
                .isFalse();
        assertThat(Comparison.of(SpikeSensitivity.MORE, 0, 2, times(24, 0L)).isSpike())
                .isFalse();
        // the minimum count reached, a baseline of nothing counts as one article: a ratio of 5
        assertThat(Comparison.of(SpikeSensitivity.BALANCED, 0, 5, times(7, 0L)).isSpike())
                .isTrue();
    }

    @Test
    void aNearZeroBaselineCountsAsOneArticleSoTheRatioIsNotInfinite() {
        Comparison c = Comparison.of(SpikeSensitivity.MORE, 0, 3, times(24, 0L));
        assertThat(c.ratio()).isEqualTo(3.0);
        assertThat(c.baseline()).isZero();
    }

    @Test
    void aBusySubjectNeedsTheMinimumRatioNotOnlyTheThreshold() {
        // 25 against a steady 10: z = 15 / sqrt(10) ≈ 4.7 passes balanced's 3, the ratio 2.5 stays under 3
        Comparison c = Comparison.of(SpikeSensitivity.BALANCED, 0, 25, times(7, 10L));
        assertThat(c.score()).isGreaterThan(SpikeSensitivity.BALANCED.threshold());
        assertThat(c.isSpike()).isFalse();
        assertThat(Comparison.of(SpikeSensitivity.BALANCED, 0, 31, times(7, 10L))
                        .isSpike())
                .isTrue();
    }

    @Test
    void thePresetsOrderFromFewerToMoreOnTheSameNumbers() {
        // 8 against 2: a spike for more and balanced, not for fewer (minimum 10)
        assertThat(Comparison.of(SpikeSensitivity.MORE, 0, 8, times(24, 2L)).isSpike())
                .isTrue();
        assertThat(Comparison.of(SpikeSensitivity.BALANCED, 0, 8, times(7, 2L)).isSpike())
                .isTrue();
        assertThat(Comparison.of(SpikeSensitivity.FEWER, 0, 8, times(14, 2L)).isSpike())
                .isFalse();
        // 5 against 2: only more (ratio 2.5 ≥ 2, z ≈ 2.1 > 2)
        assertThat(Comparison.of(SpikeSensitivity.MORE, 0, 5, times(24, 2L)).isSpike())
                .isTrue();
        assertThat(Comparison.of(SpikeSensitivity.BALANCED, 0, 5, times(7, 2L)).isSpike())
                .isFalse();
    }

    @Test
    void theConfiguredFloorRaisesEveryPresetsMinimumCount() {
        assertThat(Comparison.of(SpikeSensitivity.MORE, 6, 5, times(24, 0L)).isSpike())
                .isFalse();
    }

    @Test
    void aSurgeEndsOnlyWellBelowTheLineSoOneHoveringAtItIsNotReportedAgainAndAgain() {
        // just under balanced's line (ratio 2.8): no new spike, but not calm either
        Comparison hovering = Comparison.of(SpikeSensitivity.BALANCED, 0, 14, times(7, 5L));
        assertThat(hovering.isSpike()).isFalse();
        assertThat(hovering.isCalm()).isFalse();
        assertThat(Comparison.of(SpikeSensitivity.BALANCED, 0, 6, times(7, 5L)).isCalm())
                .isTrue();
    }

    @Test
    void theDeviationComesFromTheBaselinesSpreadWhenItIsWide() {
        Comparison c = Comparison.of(SpikeSensitivity.MORE, 0, 20, List.of(0L, 20L, 0L, 20L));
        assertThat(c.baseline()).isEqualTo(10.0);
        assertThat(c.score()).isEqualTo(1.0); // (20 - 10) / 10
        assertThat(c.isSpike()).isFalse();
    }
}
