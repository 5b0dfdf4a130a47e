package org.outpost.core.trend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds spikes in a series of counts: a bucket is a spike when it has at least
 * {@code minCount} articles and lies more than {@code threshold} standard deviations above the
 * exponentially weighted moving average of the buckets before it (EWMA with variance, so a
 * steadily busy topic does not alarm, and a quiet one that suddenly fills does).
 */
public final class SpikeDetector {

    private final double alpha;
    private final double threshold;
    private final long minCount;
    private final int warmUp;

    /**
     * @param alpha weight of the newest bucket in the baseline (e.g. 0.3)
     * @param threshold z-score above which a bucket is a spike (e.g. 3)
     * @param minCount fewest articles a spike can have
     * @param warmUp buckets seen before any can be a spike
     */
    public SpikeDetector(double alpha, double threshold, long minCount, int warmUp) {
        if (alpha <= 0 || alpha > 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        this.alpha = alpha;
        this.threshold = threshold;
        this.minCount = minCount;
        this.warmUp = warmUp;
    }

    public static SpikeDetector defaults() {
        return new SpikeDetector(0.3, 3.0, 3, 4);
    }

    /** The spikes in one topic's series, in time order. */
    public List<Spike> detect(String topic, List<Instant> buckets, List<Long> counts) {
        if (buckets.size() != counts.size()) {
            throw new IllegalArgumentException(
                    "one count per bucket: " + buckets.size() + " buckets, " + counts.size() + " counts");
        }
        List<Spike> spikes = new ArrayList<>();
        double mean = 0;
        double variance = 0;
        for (int i = 0; i < counts.size(); i++) {
            long count = counts.get(i);
            if (i >= warmUp && count >= minCount) {
                // a floor of one article's deviation keeps a flat-zero history from making any article a spike
                double deviation = Math.max(1.0, Math.sqrt(variance));
                double score = (count - mean) / deviation;
                if (score > threshold) {
                    spikes.add(new Spike(topic, buckets.get(i), count, mean, score));
                }
            }
            if (i == 0) {
                mean = count;
            } else {
                double difference = count - mean;
                mean += alpha * difference;
                variance = (1 - alpha) * (variance + alpha * difference * difference);
            }
        }
        return spikes;
    }
}
