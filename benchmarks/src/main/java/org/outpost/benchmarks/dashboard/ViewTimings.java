package org.outpost.benchmarks.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's own timer of the server work behind a view ({@code outpost.view.load}, tag
 * {@code view}), read from {@code /actuator/prometheus}. A snapshot holds the cumulative
 * histogram; the difference of two snapshots is the phase between them, so its percentiles cover
 * exactly that phase (to the histogram's bucket resolution: the value is the bucket's upper bound).
 */
final class ViewTimings {

    private static final Pattern BUCKET = Pattern.compile(
            "^outpost_view_load_seconds_bucket\\{(?=[^}]*view=\"([^\"]+)\")(?=[^}]*le=\"([^\"]+)\")[^}]*} ([0-9.eE+-]+)$",
            Pattern.MULTILINE);
    private static final Pattern SUM = Pattern.compile(
            "^outpost_view_load_seconds_(sum|count)\\{[^}]*view=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    private final URI prometheus;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ViewTimings(URI app) {
        this.prometheus = app.resolve("/actuator/prometheus");
    }

    /** Per view: upper bound in seconds → cumulative count, plus the sum and count. */
    record Snapshot(Map<String, TreeMap<Double, Double>> buckets, Map<String, double[]> sumAndCount) {}

    Snapshot snapshot() {
        String text = fetch();
        Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
        Matcher m = BUCKET.matcher(text);
        while (m.find()) {
            double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
            buckets.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(le, Double.parseDouble(m.group(3)));
        }
        Map<String, double[]> sums = new TreeMap<>();
        Matcher s = SUM.matcher(text);
        while (s.find()) {
            sums.computeIfAbsent(s.group(2), k -> new double[2])[s.group(1).equals("sum") ? 0 : 1] =
                    Double.parseDouble(s.group(3));
        }
        return new Snapshot(buckets, sums);
    }

    /** One view's server time between two snapshots: count, mean, and p50/p95/p99 as bucket upper bounds, in ms. */
    record Phase(String view, long count, double mean, double p50, double p95, double p99) {
        String row() {
            return String.format(
                    "| %s | %,d | %.1f | ≤ %s | ≤ %s | ≤ %s |", view, count, mean, ms(p50), ms(p95), ms(p99));
        }

        static String header() {
            return "| server work (`outpost.view.load`) | count | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|";
        }

        private static String ms(double value) {
            return Double.isInfinite(value) ? "∞" : String.format("%.0f", value);
        }
    }

    static Phase between(Snapshot before, Snapshot after, String view) {
        TreeMap<Double, Double> end = after.buckets().getOrDefault(view, new TreeMap<>());
        TreeMap<Double, Double> start = before.buckets().getOrDefault(view, new TreeMap<>());
        double[] s0 = before.sumAndCount().getOrDefault(view, new double[2]);
        double[] s1 = after.sumAndCount().getOrDefault(view, new double[2]);
        long count = Math.round(s1[1] - s0[1]);
        double mean = count == 0 ? Double.NaN : (s1[0] - s0[0]) / count * 1000;
        return new Phase(
                view,
                count,
                mean,
                quantile(start, end, count, 0.50),
                quantile(start, end, count, 0.95),
                quantile(start, end, count, 0.99));
    }

    private static double quantile(TreeMap<Double, Double> start, TreeMap<Double, Double> end, long count, double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double rank = Math.ceil(q * count);
        for (Map.Entry<Double, Double> bucket : end.entrySet()) {
            double inPhase = bucket.getValue() - start.getOrDefault(bucket.getKey(), 0.0);
            if (inPhase >= rank) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private String fetch() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(prometheus)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + prometheus + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
