package org.outpost.core.index;

import java.time.Instant;
import java.util.Map;

/**
 * One bucket of a trend.
 *
 * @param total articles published in the bucket that match the query
 * @param topics of those, how many carry each topic label (every topic asked for, 0 included)
 */
public record TrendBucket(Instant time, long total, Map<String, Long> topics) {}
