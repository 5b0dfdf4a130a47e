package org.outpost.core.index;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Article volume over time, optionally for one topic or query.
 *
 * @param zone the time zone buckets start in (the user's)
 */
public record TrendQuery(
        Instant from,
        Instant to,
        TrendInterval interval,
        @Nullable String topic,
        @Nullable String text,
        ZoneId zone) {

    /** More buckets than a chart can show only costs the cluster. */
    public static final int MAX_BUCKETS = 2_000;

    public TrendQuery {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        long buckets = Duration.between(from, to).dividedBy(interval.approximate);
        if (buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("that range has " + buckets + " " + interval.key() + " buckets; at most "
                    + MAX_BUCKETS + ": choose a wider interval or a shorter range");
        }
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
