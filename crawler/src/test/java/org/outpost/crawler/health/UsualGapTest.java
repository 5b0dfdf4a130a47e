package org.outpost.crawler.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsualGapTest {

    private static final HealthSettings SETTINGS =
            new HealthSettings(3, Duration.ofDays(1), 5, Duration.ofDays(90), 50, 3);
    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void theUsualGapIsTheMedianSoAFirstCrawlsBurstAndOneHolidayDoNotSetIt() {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            dates.add(T.plus(Duration.ofHours(8L * i))); // every eight hours
        }
        dates.add(T.minus(Duration.ofDays(20))); // one long gap before
        dates.add(T.plus(Duration.ofHours(72)).plusSeconds(1)); // and a burst
        dates.add(T.plus(Duration.ofHours(72)).plusSeconds(2));

        UsualGap gap = UsualGap.learn(dates, SETTINGS).orElseThrow();

        assertThat(gap.median()).isEqualTo(Duration.ofHours(8));
        assertThat(gap.silentAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aSourcePublishingTwiceAWeekIsSilentAfterThreeTimesItsGapAndAnHourlyOneNotBeforeADay() {
        List<Instant> weekly = new ArrayList<>();
        List<Instant> hourly = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            weekly.add(T.plus(Duration.ofDays(3L * i)));
            hourly.add(T.plus(Duration.ofHours(i)));
        }

        assertThat(UsualGap.learn(weekly, SETTINGS).orElseThrow().silentAfter()).isEqualTo(Duration.ofDays(9));
        assertThat(UsualGap.learn(hourly, SETTINGS).orElseThrow().silentAfter()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void fewerArticlesThanTheMinimumTeachNothing() {
        assertThat(UsualGap.learn(List.of(T, T.plusSeconds(60), T.plusSeconds(120), T.plusSeconds(180)), SETTINGS))
                .isEmpty();
    }
}
