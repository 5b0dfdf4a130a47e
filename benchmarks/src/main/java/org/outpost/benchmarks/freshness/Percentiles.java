package org.outpost.benchmarks.freshness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Nearest-rank percentiles over delays where an item that never arrived counts as longer than any
 * that did ({@link Double#POSITIVE_INFINITY}): dropping it would make a slow arm look fast.
 */
final class Percentiles {

    private Percentiles() {}

    /** The smallest value with at least {@code quantile} of all at or below it; NaN when there are none. */
    static double at(List<Double> values, double quantile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
