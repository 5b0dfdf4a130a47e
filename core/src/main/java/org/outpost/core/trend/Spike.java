package org.outpost.core.trend;

import java.time.Instant;

/**
 * A bucket whose volume stands out from the trailing baseline.
 *
 * @param baseline the exponentially weighted mean of the buckets before it
 * @param score how many standard deviations above the baseline (z-score)
 */
public record Spike(String topic, Instant bucket, long count, double baseline, double score) {}
