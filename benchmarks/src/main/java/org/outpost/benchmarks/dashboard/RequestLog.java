package org.outpost.benchmarks.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.macro.LatencyStats;

/** Durations and failures per request kind, from many threads; an error is any non-2xx answer, timeout or broken page. */
final class RequestLog {

    private final Map<String, List<Double>> millis = new LinkedHashMap<>();
    private final Map<String, Integer> errors = new LinkedHashMap<>();
    private final Map<String, String> firstError = new LinkedHashMap<>();

    synchronized void ok(String kind, double ms) {
        millis.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
        errors.putIfAbsent(kind, 0);
    }

    synchronized void error(String kind, String why) {
        millis.computeIfAbsent(kind, k -> new ArrayList<>());
        errors.merge(kind, 1, Integer::sum);
        firstError.putIfAbsent(kind, why);
    }

    synchronized int total() {
        return millis.values().stream().mapToInt(List::size).sum() + errors();
    }

    synchronized int errors() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized LatencyStats stats(String kind) {
        return LatencyStats.of(millis.getOrDefault(kind, List.of()).stream()
                .mapToDouble(Double::doubleValue)
                .toArray());
    }

    synchronized List<String> kinds() {
        return List.copyOf(millis.keySet());
    }

    /** Rows: kind, ok count, errors, error rate, p50/p95/p99/max of the successful ones. */
    synchronized String table() {
        StringBuilder out = new StringBuilder(
                "| request | ok | errors | error rate | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String kind : millis.keySet()) {
            LatencyStats s = stats(kind);
            int e = errors.getOrDefault(kind, 0);
            out.append(String.format(
                    "| %s | %,d | %,d | %.2f %% | %.1f | %.1f | %.1f | %.1f |%n",
                    kind, s.count(), e, 100.0 * e / Math.max(1, s.count() + e), s.p50(), s.p95(), s.p99(), s.max()));
        }
        return out.toString();
    }

    synchronized Map<String, String> firstErrors() {
        return Map.copyOf(firstError);
    }
}
