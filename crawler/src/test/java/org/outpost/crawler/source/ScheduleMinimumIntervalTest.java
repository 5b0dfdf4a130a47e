package org.outpost.crawler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The politeness floor ({@link Schedule#MIN_INTERVAL}) holds for a cron as it does for an interval. */
class ScheduleMinimumIntervalTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "* * * * * ?       | PT1S",
                "* * * * * *       | PT1S",
                "*/30 * * * * *    | PT30S",
                "0,1 0 0 * * *     | PT1S",
                "0,59 * * * * *    | PT1S",
                "0 0 6 * * MON-FRI | ",
                "0 * * * * *       | "
            })
    void aCronThatFiresMoreOftenThanTheMinimumIsRefusedNamingTheFieldAndTheMinimum(String cron, String gap) {
        if (gap == null) {
            assertThat(Schedule.parse(cron, "Asia/Dushanbe").isCron()).isTrue();
            return;
        }
        assertThatThrownBy(() -> Schedule.parse(cron, "Asia/Dushanbe"))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.field()).isEqualTo("schedule");
                    assertThat(e.key()).isEqualTo("source.schedule.cronTooOften");
                    assertThat(e.message(Locale.ENGLISH)).contains(gap).contains("PT1M");
                    assertThat(e.message(Locale.forLanguageTag("ru"))).contains("PT1M");
                });
    }

    @org.junit.jupiter.api.Test
    void onlyALowerFloorGivenByTheBenchmarkLetsAnIntervalOrBoundUnderAMinute() {
        for (String schedule : new String[] {"PT15S", "adaptive PT2S PT9M"}) {
            assertThatThrownBy(() -> Schedule.parse(schedule, "UTC"))
                    .isInstanceOfSatisfying(
                            InvalidSourceException.class,
                            e -> assertThat(e.key()).isEqualTo("source.schedule.tooOften"));
            assertThatThrownBy(() -> new SourceDefinition(
                                    "n",
                                    "RSS",
                                    "https://example.org/feed",
                                    schedule,
                                    "UTC",
                                    true,
                                    null,
                                    null,
                                    null,
                                    null)
                            .validate())
                    .isInstanceOf(InvalidSourceException.class);
        }
        Duration floor = Duration.ofMillis(1_500);
        assertThat(Schedule.parse("PT15S", "UTC", floor).interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(Schedule.parse("adaptive PT2S PT9M", "UTC", floor).bounds())
                .isEqualTo(new Schedule.Bounds(Duration.ofSeconds(2), Duration.ofMinutes(9)));
        assertThat(Schedule.parse("*/5 * * * * *", "UTC", Duration.ofSeconds(5)).isCron())
                .isTrue();
        assertThatThrownBy(() -> Schedule.parse("PT1S", "UTC", floor)).isInstanceOf(InvalidSourceException.class);
        // what was saved under the benchmark's floor still loads (the scheduler holds it to the floor in force)
        assertThat(Schedule.stored("PT15S", "UTC").interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(Schedule.stored("adaptive PT2S PT9M", "UTC").isAdaptive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * * ?", "*/5 * * * * ?"})
    void aScheduleSavedBeforeTheCheckStillLoads(String cron) {
        assertThat(Schedule.stored(cron, "UTC").quartzExpression()).isEqualTo(cron);
    }

    @ParameterizedTest
    @CsvSource({"0 0 6 * * *, PT24H", "'0 0/15 6-18 * * SAT,SUN', PT15M", "0 0 7 * * MON, PT168H"})
    void theShortestGapIsTheClosestPairOfFiringsInAWeek(String cron, String gap) {
        assertThat(SourceCron.shortestGap(cron, ZoneId.of("UTC"), Instant.parse("2026-03-06T12:00:00Z")))
                .isEqualTo(Duration.parse(gap));
    }
}
