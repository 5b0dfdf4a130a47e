package org.outpost.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The schedule word {@code adaptive}, alone or with its bounds, as a form or the API gives it. */
class AdaptiveScheduleTest {

    @Test
    void adaptiveAloneTakesTheDeploymentsBounds() {
        Schedule schedule = Schedule.parse(" Adaptive ", "UTC");

        assertThat(schedule.isAdaptive()).isTrue();
        assertThat(schedule.isCron()).isFalse();
        assertThat(schedule.interval()).isNull();
        assertThat(schedule.expression()).isEqualTo("adaptive");
        assertThat(schedule.bounds()).isEqualTo(new Schedule.Bounds(null, null));
    }

    @Test
    void adaptiveWithBoundsKeepsThem() {
        Schedule schedule = Schedule.parse("adaptive pt5m PT6H", "Asia/Dushanbe");

        assertThat(schedule.expression()).isEqualTo("adaptive PT5M PT6H");
        assertThat(schedule.bounds()).isEqualTo(new Schedule.Bounds(Duration.ofMinutes(5), Duration.ofHours(6)));
        assertThat(Schedule.stored(schedule.expression(), "UTC").bounds()).isEqualTo(schedule.bounds());
    }

    @Test
    void boundsUnderAMinuteOrTheWrongWayRoundOrHalfGivenAreRefused() {
        assertThatThrownBy(() -> Schedule.parse("adaptive PT30S PT1H", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class, e -> assertThat(e.key()).isEqualTo("source.schedule.tooOften"));
        assertThatThrownBy(() -> Schedule.parse("adaptive PT2H PT1H", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class,
                        e -> assertThat(e.key()).isEqualTo("source.schedule.adaptiveBounds"));
        assertThatThrownBy(() -> Schedule.parse("adaptive PT5M", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class, e -> assertThat(e.key()).isEqualTo("source.schedule.adaptive"));
        assertThatThrownBy(() -> Schedule.parse("adaptively", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class, e -> assertThat(e.key()).isEqualTo("source.schedule.adaptive"));
        assertThatThrownBy(() -> Schedule.parse("adaptive soon never", "UTC"))
                .isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("adaptive PT5M PT6H");
    }
}
