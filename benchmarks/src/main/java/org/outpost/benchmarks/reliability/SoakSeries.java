package org.outpost.benchmarks.reliability;

import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The soak's samples cut into quarters of its length, so early warm-up is compared with late steady state. */
record SoakSeries(List<SoakSample> samples, Duration length) {

    record Stats(int count, double mean, double min, double max) {}

    /** Quarter q (1 … 4); {@code onlyAfterFullGc} keeps the samples taken right after a forced full GC. */
    Stats quarter(int q, ToDoubleFunction<SoakSample> value, boolean onlyAfterFullGc) {
        return stats(length.toMillis() * (q - 1) / 4, length.toMillis() * q / 4, q == 4, value, onlyAfterFullGc);
    }

    Stats secondHalf(ToDoubleFunction<SoakSample> value, boolean onlyAfterFullGc) {
        return stats(length.toMillis() / 2, length.toMillis(), true, value, onlyAfterFullGc);
    }

    private Stats stats(
            long fromMillis,
            long toMillis,
            boolean includeEnd,
            ToDoubleFunction<SoakSample> value,
            boolean onlyAfterFullGc) {
        var values = samples.stream()
                .filter(s -> s.at().toMillis() >= fromMillis && (s.at().toMillis() < toMillis || includeEnd))
                .filter(s -> !onlyAfterFullGc || s.fullGc())
                .mapToDouble(value)
                // NaN: not readable; 0 live data: no collection has measured it yet
                .filter(v -> !Double.isNaN(v) && v > 0)
                .summaryStatistics();
        return values.getCount() == 0
                ? new Stats(0, Double.NaN, Double.NaN, Double.NaN)
                : new Stats((int) values.getCount(), values.getAverage(), values.getMin(), values.getMax());
    }
}
