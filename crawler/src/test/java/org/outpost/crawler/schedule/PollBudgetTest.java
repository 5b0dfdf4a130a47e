package org.outpost.crawler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.PollPace;
import org.outpost.crawler.schedule.PollBudget.Learned;

/** What quiet sources leave of a fixed-interval budget goes to the busiest, in order, and no further. */
class PollBudgetTest {

    private static final Duration BUDGET = Duration.ofMinutes(15);
    private static final Duration PROMPT = Duration.ofMinutes(1);

    private static Learned publishes(long id, Duration gap) {
        return new Learned(id, Duration.ofSeconds(gap.toSeconds() / 4), PollPace.Why.PUBLISHES, gap);
    }

    private static List<Learned> quiet(int count, long firstId) {
        List<Learned> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Learned(firstId + i, Duration.ofHours(6), PollPace.Why.SILENT, Duration.ofDays(1)));
        }
        return out;
    }

    @Test
    void theBusiestSourceGetsThePromptIntervalWhenTheQuietOnesLeaveEnoughAndTheNextDoesNot() {
        // 22 sources may poll 1.47 times a minute; on their own they poll 0.76 times: the busiest
        // (publishes every 8 min, polled every 2) needs 0.5 more to be polled every minute, which
        // leaves 0.21; the next (every 20 min, polled every 5) would need 0.8
        List<Learned> sources = new ArrayList<>(quiet(20, 100));
        sources.add(publishes(1, Duration.ofMinutes(8)));
        sources.add(publishes(2, Duration.ofMinutes(20)));
        assertThat(PollBudget.prompt(1, sources, BUDGET, PROMPT)).isTrue();
        assertThat(PollBudget.prompt(2, sources, BUDGET, PROMPT)).isFalse();
        assertThat(PollBudget.prompt(100, sources, BUDGET, PROMPT))
                .as("a silent source is no likelier to have something now")
                .isFalse();
    }

    @Test
    void aQuieterSourceIsNeverPromptedBeforeABusierOneThatDoesNotFit() {
        // 0.45 polls a minute to spare: the busier source (every 10 min) would need 0.9 more, the
        // quieter one (already every 70 s) 0.14, which would fit, but it is second in line
        List<Learned> sources = new ArrayList<>(quiet(20, 100));
        sources.add(publishes(1, Duration.ofMinutes(40)));
        sources.add(new Learned(2, Duration.ofSeconds(70), PollPace.Why.PUBLISHES, Duration.ofMinutes(45)));
        assertThat(PollBudget.prompt(1, sources, BUDGET, PROMPT)).isFalse();
        assertThat(PollBudget.prompt(2, sources, BUDGET, PROMPT)).isFalse();
    }

    @Test
    void withoutABudgetOrWhenTheOwnPacesSpendItAllNothingIsPrompted() {
        List<Learned> sources = new ArrayList<>(quiet(20, 100));
        sources.add(publishes(1, Duration.ofMinutes(8)));
        assertThat(PollBudget.prompt(1, sources, Duration.ZERO, PROMPT)).isFalse();
        List<Learned> busy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            busy.add(publishes(i, Duration.ofMinutes(30))); // every 7.5 min: twice the budget already
        }
        assertThat(PollBudget.prompt(0, busy, BUDGET, PROMPT)).isFalse();
    }

    @Test
    void thePromptedSourcesNeverTakeTheTotalOverTheBudget() {
        SplittableRandom random = new SplittableRandom(19);
        for (int round = 0; round < 200; round++) {
            List<Learned> sources = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                Duration gap = Duration.ofMinutes(2 + random.nextInt(3_000));
                sources.add(
                        random.nextBoolean()
                                ? publishes(i, gap)
                                : new Learned(i, Duration.ofMinutes(1 + random.nextInt(360)), PollPace.Why.NEW, null));
            }
            double own = 0;
            double after = 0;
            for (Learned source : sources) {
                own += 60.0 / source.interval().toSeconds();
                after += 60.0
                        / (PollBudget.prompt(source.sourceId(), sources, BUDGET, PROMPT)
                                ? PROMPT.toSeconds()
                                : source.interval().toSeconds());
            }
            double budget = n / 15.0;
            assertThat(after).as("polls a minute, round " + round).isLessThanOrEqualTo(Math.max(own, budget) + 1e-9);
        }
    }

    @Test
    void aBusySourceSaysWhyItIsPolledSoonerThanItsGapGives() {
        PollPace busy = new PollPace(
                Duration.ofMinutes(1),
                PollPace.Why.BUSY,
                Duration.ofMinutes(12),
                null,
                0,
                null,
                java.time.Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(busy.describe(java.util.Locale.ENGLISH))
                .isEqualTo("every 1 min: publishes about every 12 min, among the busiest sources,"
                        + " so it gets polls the quieter ones leave unused");
        assertThat(busy.describe(java.util.Locale.of("ru"))).startsWith("раз в 1 мин: публикует примерно раз в 12 мин");
    }
}
