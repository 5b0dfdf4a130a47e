package org.outpost.alerts.spike;

import java.util.List;
import org.outpost.alerts.subscription.SpikeSensitivity;

/**
 * One window's count against its baseline windows, judged by a sensitivity preset.
 *
 * @param minCount the preset's minimum count, or the configured floor if higher
 * @param baseline the mean count of the baseline windows
 * @param ratio the count over the baseline, a baseline under one article counting as one
 * @param score standard deviations above the baseline
 */
record Comparison(
        SpikeSensitivity sensitivity, long minCount, long count, double baseline, double ratio, double score) {

    /** @param minCountFloor fewest articles of any spike, whatever the preset (a setting) */
    static Comparison of(SpikeSensitivity sensitivity, long minCountFloor, long count, List<Long> baselineCounts) {
        double mean =
                baselineCounts.stream().mapToLong(Long::longValue).average().orElse(0);
        double variance = baselineCounts.stream()
                .mapToDouble(c -> (c - mean) * (c - mean))
                .average()
                .orElse(0);
        // a flat history has no spread: counts of rare events vary by about their square root,
        // and by at least one article, or every article over a steady baseline would be a spike
        double deviation = Math.max(1.0, Math.max(Math.sqrt(variance), Math.sqrt(mean)));
        double ratio = count / Math.max(1.0, mean);
        return new Comparison(
                sensitivity,
                Math.max(minCountFloor, sensitivity.minCount()),
                count,
                mean,
                ratio,
                (count - mean) / deviation);
    }

    /** Minimum count, minimum ratio and threshold all passed. */
    boolean isSpike() {
        return count >= minCount && ratio >= sensitivity.minRatio() && score > sensitivity.threshold();
    }

    /**
     * Back to normal: below half the threshold or half the ratio's excess. Ending only well under
     * the line keeps a surge hovering at it from being reported as over and begun again.
     */
    boolean isCalm() {
        return count < minCount || score <= sensitivity.threshold() / 2 || ratio < 1 + (sensitivity.minRatio() - 1) / 2;
    }
}
