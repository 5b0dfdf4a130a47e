package org.outpost.benchmarks.macro;

import java.util.Arrays;

/** Percentiles of a sample of durations in milliseconds. */
public record LatencyStats(int count, double p50, double p95, double p99, double max) {

    public static LatencyStats of(double[] millis) {
        if (millis.length == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencyStats(
                sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public String row(String name) {
        return String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f |", name, count, p50, p95, p99, max);
    }

    public static String header() {
        return "| measure | samples | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|";
    }
}
