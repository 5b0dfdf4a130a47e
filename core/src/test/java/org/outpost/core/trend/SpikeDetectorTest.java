package org.outpost.core.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aBurstOnSteadyVolumeIsASpikeAndTheSteadyVolumeIsNot() {
        List<Long> counts = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 48; i++) {
            counts.add(8L + random.nextInt(5)); // 8–12 an hour, noise only
        }
        List<Spike> steady = SpikeDetector.defaults().detect("terrorism", hours(counts.size()), counts);
        assertThat(steady).isEmpty();

        counts.set(40, 45L);
        List<Spike> burst = SpikeDetector.defaults().detect("terrorism", hours(counts.size()), counts);
        assertThat(burst).singleElement().satisfies(spike -> {
            assertThat(spike.bucket()).isEqualTo(T0.plus(Duration.ofHours(40)));
            assertThat(spike.count()).isEqualTo(45);
            assertThat(spike.baseline()).isBetween(8.0, 12.0);
            assertThat(spike.score()).isGreaterThan(3);
        });
    }

    @Test
    void aFewArticlesOnAQuietTopicAreNotASpikeButManyAre() {
        List<Long> quiet = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L, 0L, 2L, 0L));
        assertThat(SpikeDetector.defaults().detect("extremism", hours(quiet.size()), quiet))
                .isEmpty();
        quiet.set(7, 9L);
        assertThat(SpikeDetector.defaults().detect("extremism", hours(quiet.size()), quiet))
                .hasSize(1);
    }

    private static List<Instant> hours(int n) {
        List<Instant> hours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hours.add(T0.plus(Duration.ofHours(i)));
        }
        return hours;
    }
}
