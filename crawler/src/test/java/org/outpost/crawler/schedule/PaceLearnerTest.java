package org.outpost.crawler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.PollPace;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.source.Schedule;

/** The pace learned from a publication history, its bounds, and its back-offs. */
class PaceLearnerTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final PaceSettings SETTINGS = new PaceSettings(
            Duration.ofMinutes(15),
            Duration.ofMinutes(2),
            Duration.ofHours(6),
            0.25,
            5,
            Duration.ofDays(30),
            50,
            2,
            Schedule.MIN_INTERVAL,
            Duration.ZERO, // no poll budget: each source at its own pace
            Duration.ZERO);
    static final Schedule.Bounds DEFAULT_BOUNDS = new Schedule.Bounds(null, null);

    /** {@code count} articles {@code gap} apart, the newest {@code sinceNewest} before now. */
    static List<Instant> every(Duration gap, int count, Duration sinceNewest) {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(NOW.minus(sinceNewest).minus(gap.multipliedBy(i)));
        }
        return dates;
    }

    static PollPace learn(List<Instant> dates, List<RunStatus> runs, Schedule.Bounds bounds, Duration crawlDelay) {
        return PaceLearner.learn(dates, runs, bounds, crawlDelay, NOW, SETTINGS);
    }

    @Test
    void aSourceThatPublishesEveryTwentyMinutesIsPolledEveryFive() {
        PollPace pace = learn(
                every(Duration.ofMinutes(20), 12, Duration.ofMinutes(3)),
                List.of(RunStatus.SUCCEEDED),
                DEFAULT_BOUNDS,
                Duration.ZERO);

        assertThat(pace.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(pace.why()).isEqualTo(PollPace.Why.PUBLISHES);
        assertThat(pace.usualGap()).isEqualTo(Duration.ofMinutes(20));
        assertThat(pace.bound()).isNull();
        assertThat(pace.describe(Locale.ENGLISH)).isEqualTo("every 5 min: publishes about every 20 min");
        assertThat(pace.describe(Locale.of("ru"))).isEqualTo("раз в 5 мин: публикует примерно раз в 20 мин");
    }

    @Test
    void theMedianGapIgnoresAFirstCrawlsBurstAndOneLongHoliday() {
        List<Instant> dates = new ArrayList<>(every(Duration.ofHours(1), 9, Duration.ZERO));
        dates.add(NOW.minus(Duration.ofDays(12))); // a holiday before
        dates.add(NOW.minus(Duration.ofDays(12)).minusSeconds(1)); // two at once

        PollPace pace = learn(dates, List.of(), DEFAULT_BOUNDS, Duration.ZERO);

        assertThat(pace.usualGap()).isEqualTo(Duration.ofHours(1));
        assertThat(pace.interval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aNewSourceStartsAtTheInitialInterval() {
        PollPace pace =
                learn(every(Duration.ofMinutes(20), 4, Duration.ZERO), List.of(), DEFAULT_BOUNDS, Duration.ZERO);

        assertThat(pace.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(pace.why()).isEqualTo(PollPace.Why.NEW);
        assertThat(pace.describe(Locale.ENGLISH))
                .isEqualTo("every 15 min: too few articles yet to learn how often it publishes");
    }

    @Test
    void aSourceFasterThanTheBoundsIsHeldAtTheShortestAndNeverUnderAMinute() {
        List<Instant> everyTwentySeconds = every(Duration.ofSeconds(20), 30, Duration.ZERO);

        PollPace deployment = learn(everyTwentySeconds, List.of(), DEFAULT_BOUNDS, Duration.ZERO);
        assertThat(deployment.interval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(deployment.bound()).isEqualTo(PollPace.Bound.SHORTEST);
        assertThat(deployment.describe(Locale.ENGLISH))
                .isEqualTo("every 2 min: publishes about every 1 min; held at the shortest interval allowed");

        PollPace own = learn(
                everyTwentySeconds,
                List.of(),
                new Schedule.Bounds(Duration.ofMinutes(1), Duration.ofMinutes(30)),
                Duration.ZERO);
        assertThat(own.interval()).isEqualTo(Duration.ofMinutes(1));

        // a deployment set below the floor still polls at most once a minute
        PaceSettings eager = new PaceSettings(
                Duration.ofMinutes(15),
                Duration.ofSeconds(5),
                Duration.ofHours(6),
                0.25,
                5,
                Duration.ofDays(30),
                50,
                2,
                Schedule.MIN_INTERVAL,
                Duration.ZERO, // no poll budget: each source at its own pace
                Duration.ZERO);
        assertThat(PaceLearner.learn(everyTwentySeconds, List.of(), DEFAULT_BOUNDS, Duration.ZERO, NOW, eager)
                        .interval())
                .isEqualTo(Schedule.MIN_INTERVAL);
    }

    @Test
    void onlyTheBenchmarksFloorLetsAnIntervalUnderAMinute() {
        // the freshness benchmark compresses time 40-fold: a minute becomes 1.5 s, and nothing else changes
        PaceSettings compressed = new PaceSettings(
                Duration.ofMillis(22_500),
                Duration.ofSeconds(3),
                Duration.ofMinutes(9),
                0.25,
                5,
                Duration.ofHours(18),
                50,
                2,
                Duration.ofMillis(1_500),
                Duration.ZERO, // no poll budget: each source at its own pace
                Duration.ZERO);
        List<Instant> everyFourSeconds = every(Duration.ofSeconds(4), 10, Duration.ofSeconds(1));
        assertThat(PaceLearner.learn(everyFourSeconds, List.of(), DEFAULT_BOUNDS, Duration.ZERO, NOW, compressed)
                        .interval())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(PaceLearner.learn(
                                everyFourSeconds,
                                List.of(),
                                new Schedule.Bounds(Duration.ofSeconds(1), null),
                                Duration.ZERO,
                                NOW,
                                compressed)
                        .interval())
                .as("a source's own bound under the floor is held at the floor")
                .isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void aSlowSourceIsHeldAtItsLongestBound() {
        PollPace pace = learn(
                every(Duration.ofDays(1), 10, Duration.ofHours(2)),
                List.of(),
                new Schedule.Bounds(Duration.ofMinutes(5), Duration.ofHours(2)),
                Duration.ZERO);

        assertThat(pace.interval()).isEqualTo(Duration.ofHours(2));
        assertThat(pace.bound()).isEqualTo(PollPace.Bound.LONGEST);
    }

    @Test
    void robotsCrawlDelayWinsOverTheShortestAndTheLongestBound() {
        PollPace pace = learn(
                every(Duration.ofMinutes(20), 12, Duration.ZERO),
                List.of(),
                new Schedule.Bounds(Duration.ofMinutes(1), Duration.ofMinutes(30)),
                Duration.ofHours(1));

        assertThat(pace.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(pace.bound()).isEqualTo(PollPace.Bound.CRAWL_DELAY);
        assertThat(pace.describe(Locale.ENGLISH)).endsWith("; robots.txt asks for 60 min between visits");
    }

    @Test
    void silenceSlowsPollingInProportionUpToTheLongest() {
        Duration gap = Duration.ofMinutes(20);
        PollPace recent = learn(every(gap, 12, Duration.ofMinutes(30)), List.of(), DEFAULT_BOUNDS, Duration.ZERO);
        PollPace quiet = learn(every(gap, 12, Duration.ofHours(8)), List.of(), DEFAULT_BOUNDS, Duration.ZERO);
        PollPace gone = learn(every(gap, 12, Duration.ofDays(5)), List.of(), DEFAULT_BOUNDS, Duration.ZERO);

        assertThat(recent.interval()).isEqualTo(Duration.ofMinutes(5)); // 30 min is under two usual gaps
        assertThat(quiet.interval()).isEqualTo(Duration.ofHours(2));
        assertThat(quiet.why()).isEqualTo(PollPace.Why.SILENT);
        assertThat(quiet.describe(Locale.ENGLISH))
                .isEqualTo("every 2 h: nothing new for 8 h, though it usually publishes every 20 min");
        assertThat(gone.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(gone.bound()).isEqualTo(PollPace.Bound.LONGEST);
    }

    @Test
    void eachFailedRunInARowDoublesTheIntervalAndASuccessEndsTheBackOff() {
        List<Instant> dates = every(Duration.ofMinutes(20), 12, Duration.ZERO);

        PollPace once = learn(dates, List.of(RunStatus.FAILED, RunStatus.SUCCEEDED), DEFAULT_BOUNDS, Duration.ZERO);
        PollPace thrice = learn(
                dates,
                List.of(RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED, RunStatus.SUCCEEDED),
                DEFAULT_BOUNDS,
                Duration.ZERO);
        PollPace recovered =
                learn(dates, List.of(RunStatus.SUCCEEDED, RunStatus.FAILED), DEFAULT_BOUNDS, Duration.ZERO);
        PollPace long_ =
                learn(dates, java.util.Collections.nCopies(20, RunStatus.FAILED), DEFAULT_BOUNDS, Duration.ZERO);

        assertThat(once.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(thrice.interval()).isEqualTo(Duration.ofMinutes(40));
        assertThat(thrice.why()).isEqualTo(PollPace.Why.FAILING);
        assertThat(thrice.describe(Locale.ENGLISH)).isEqualTo("every 40 min: its last 3 runs failed");
        assertThat(recovered.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(long_.interval()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void theSameHistoryAlwaysGivesTheSamePace() {
        List<Instant> dates = every(Duration.ofMinutes(37), 20, Duration.ofMinutes(11));
        List<Instant> shuffled = new ArrayList<>(dates);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));

        assertThat(learn(shuffled, List.of(), DEFAULT_BOUNDS, Duration.ZERO))
                .isEqualTo(learn(dates, List.of(), DEFAULT_BOUNDS, Duration.ZERO));
    }

    @Test
    void aSourcePublishingAtRandomIsNotCalledSilentForAGapItOftenHas() {
        // gaps of 10, 20, 5, 30, 15, 10, 25, 40, 10, 20 min: median 17.5, nine in ten at most 30
        long[] gaps = {10, 20, 5, 30, 15, 10, 25, 40, 10, 20};
        List<Instant> dates = new ArrayList<>();
        Instant at = NOW.minus(Duration.ofMinutes(40)); // the newest 40 min ago: over twice the median
        dates.add(at);
        for (long gap : gaps) {
            at = at.minus(Duration.ofMinutes(gap));
            dates.add(at);
        }
        assertThat(PaceLearner.longGap(dates.reversed())).isEqualTo(Duration.ofMinutes(30));
        PollPace pace = learn(dates, List.of(), DEFAULT_BOUNDS, Duration.ZERO);
        assertThat(pace.why()).isEqualTo(PollPace.Why.PUBLISHES);
        assertThat(pace.usualGap()).isEqualTo(Duration.ofMinutes(17).plusSeconds(30));

        // over twice its long gap, it is silent
        List<Instant> later = new ArrayList<>(dates);
        PollPace quiet = PaceLearner.learn(
                later, List.of(), DEFAULT_BOUNDS, Duration.ZERO, NOW.plus(Duration.ofMinutes(30)), SETTINGS);
        assertThat(quiet.why()).isEqualTo(PollPace.Why.SILENT);
        assertThat(quiet.silentFor()).isEqualTo(Duration.ofMinutes(70));
    }
}
