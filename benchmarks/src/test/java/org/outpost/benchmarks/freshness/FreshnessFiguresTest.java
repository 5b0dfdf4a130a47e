package org.outpost.benchmarks.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles, the compression arithmetic, and which part of a delay is scaled back. */
class FreshnessFiguresTest {

    private static final Instant T = Instant.parse("2026-12-06T00:00:00Z");
    private static final TimeCompression SIXTY = new TimeCompression(60);

    @Test
    void nearestRankPercentilesCountAnItemThatNeverArrivedAsTheLongest() {
        List<Double> values = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            values.add((double) i);
        }
        assertThat(Percentiles.at(values, 0.5)).isEqualTo(10);
        assertThat(Percentiles.at(values, 0.95)).isEqualTo(19);
        assertThat(Percentiles.at(List.of(3.0), 0.95)).isEqualTo(3);
        assertThat(Percentiles.at(List.of(), 0.5)).isNaN();

        values.set(0, Double.POSITIVE_INFINITY);
        values.set(1, Double.POSITIVE_INFINITY);
        assertThat(Percentiles.at(values, 0.95)).isInfinite();
        assertThat(Percentiles.at(values, 0.5)).isEqualTo(12);
    }

    @Test
    void theWaitForAPollIsScaledBackAndTheAppsWorkIsNot() {
        // published at T, in a feed answer 2 s later (2 min real at 60), searchable 3 s and alerted 5 s after that
        ItemTimes item = new ItemTimes(
                Tier.FREQUENT, T, T.plusSeconds(2), T.plusMillis(2_500), T.plusSeconds(5), T.plusSeconds(7));
        assertThat(item.pollingSeconds(SIXTY)).isEqualTo(120);
        assertThat(item.servedToSearchableSeconds()).isEqualTo(3);
        assertThat(item.servedToAlertSeconds()).isEqualTo(5);
        assertThat(item.publicationToSearchableSeconds(SIXTY)).isEqualTo(123);
        assertThat(item.publicationToAlertSeconds(SIXTY)).isEqualTo(125);

        ItemTimes neverAlerted = new ItemTimes(Tier.FREQUENT, T, T.plusSeconds(1), null, T.plusSeconds(3), null);
        assertThat(neverAlerted.publicationToAlertSeconds(SIXTY)).isInfinite();
        assertThat(neverAlerted.publicationToSearchableSeconds(SIXTY)).isEqualTo(62);
    }

    @Test
    void aRowCountsOnlyItsGroupAndTheArticlesThatNeverArrived() {
        List<ItemTimes> items = List.of(
                new ItemTimes(Tier.FREQUENT, T, T.plusSeconds(1), null, T.plusSeconds(2), T.plusSeconds(3)),
                new ItemTimes(Tier.FREQUENT, T, T.plusSeconds(3), null, T.plusSeconds(4), null),
                new ItemTimes(Tier.FEW_A_DAY, T, null, null, null, null));
        FreshnessFigures.Row frequent = FreshnessFigures.row("f", items, i -> i.tier() == Tier.FREQUENT, SIXTY);
        assertThat(frequent.items()).isEqualTo(2);
        assertThat(frequent.neverSearchable()).isZero();
        assertThat(frequent.neverAlerted()).isEqualTo(1);
        assertThat(frequent.pollingP50()).isEqualTo(60);
        assertThat(frequent.pollingP95()).isEqualTo(180);
        assertThat(frequent.toAlertP50()).isEqualTo(62);
        assertThat(frequent.toAlertP95()).isInfinite();
        assertThat(frequent.markdown()).contains("never");
    }

    @Test
    void requestsCountedInACompressedRunStandForThatManyRealDays() {
        // 96 polls in 24 min of a run compressed 60-fold: one real day
        assertThat(SIXTY.perRealDay(96, Duration.ofMinutes(24))).isEqualTo(96);
        assertThat(SIXTY.toWall(Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(15));
        assertThat(SIXTY.toReal(Duration.ofMillis(1_500))).isEqualTo(Duration.ofSeconds(90));
    }
}
