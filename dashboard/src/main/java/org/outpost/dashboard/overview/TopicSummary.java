package org.outpost.dashboard.overview;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One topic's card: articles in the period, in the period before, and the series for its sparkline.
 *
 * @param change relative change against the previous period, null when that had none
 */
public record TopicSummary(
        String id,
        String name,
        long count,
        long previous,
        @Nullable Double change,
        List<Long> series) {}
