package org.outpost.crawler.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.PollPace;

/**
 * The polls adaptive sources may make together: as many as if each were polled every {@code
 * budgetInterval}. Paces learned from the gap between articles ({@link PaceLearner}) spend far less
 * on quiet and silent sources; what they leave is spent on the busiest sources, those with the
 * shortest usual gap, which are the likeliest to have something new at the next poll: each of them,
 * in that order, is polled at {@code promptInterval} for as long as the rest of the budget pays for
 * it. So a deployment never polls more in total than a fixed interval would, and its news comes
 * sooner where most of it is.
 */
final class PollBudget {

    /** An adaptive source's pace as learned from its own history, before any budget was spent on it. */
    record Learned(
            long sourceId,
            Duration interval,
            PollPace.Why why,
            @Nullable Duration usualGap) {}

    private PollBudget() {}

    /**
     * Whether the budget polls {@code sourceId} at {@code promptInterval}.
     *
     * @param sources every adaptive source's own pace, this one's included
     */
    static boolean prompt(long sourceId, List<Learned> sources, Duration budgetInterval, Duration promptInterval) {
        if (budgetInterval.isZero() || promptInterval.isZero() || sources.isEmpty()) {
            return false;
        }
        double spare = sources.size() / seconds(budgetInterval);
        for (Learned source : sources) {
            spare -= 1 / seconds(source.interval());
        }
        List<Learned> busiest = new ArrayList<>();
        for (Learned source : sources) {
            // only sources whose pace comes from how often they publish: a new, silent or failing
            // source is no likelier than any other to have something now
            if (source.why() == PollPace.Why.PUBLISHES
                    && source.usualGap() != null
                    && source.interval().compareTo(promptInterval) > 0) {
                busiest.add(source);
            }
        }
        busiest.sort(Comparator.comparing(Learned::usualGap).thenComparingLong(Learned::sourceId));
        for (Learned source : busiest) {
            double extra = 1 / seconds(promptInterval) - 1 / seconds(source.interval());
            if (extra > spare) {
                return false; // in order: a busier source is never passed over for a quieter one
            }
            spare -= extra;
            if (source.sourceId() == sourceId) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(Duration duration) {
        return Math.max(1, duration.toMillis()) / 1000.0;
    }
}
