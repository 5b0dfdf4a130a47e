package org.outpost.benchmarks.reliability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every answer the app gave during a drill, by abuse (or by the bystander's own calls) and by
 * outcome ({@code 201}, {@code 400}, {@code 429}, {@code no answer in 30 s}...), with the first
 * answer of each kind kept as an example for the report.
 */
final class AbuseLog {

    private final Map<String, Map<String, AtomicInteger>> counts = new ConcurrentSkipListMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();

    void record(String abuse, String outcome, String example) {
        counts.computeIfAbsent(abuse, a -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(outcome, o -> new AtomicInteger())
                .incrementAndGet();
        examples.putIfAbsent(abuse + " " + outcome, example);
    }

    /** Outcomes of one abuse with their counts, e.g. {@code {400=12, 429=30}}. */
    Map<String, Integer> outcomes(String abuse) {
        Map<String, Integer> out = new TreeMap<>();
        counts.getOrDefault(abuse, Map.of()).forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    List<String> abuses() {
        return List.copyOf(counts.keySet());
    }

    int total(String abuse) {
        return outcomes(abuse).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Answers with a 5xx status, over every abuse: each one is the app failing, not refusing. */
    int serverErrors() {
        return counts.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey().startsWith("5"))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    /** The 5xx answers by abuse and status, for the report. */
    Map<String, Integer> serverErrorsByAbuse() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((abuse, m) -> m.forEach((outcome, n) -> {
            if (outcome.startsWith("5")) {
                out.put(abuse + " " + outcome, n.get());
            }
        }));
        return out;
    }

    String example(String abuse, String outcome) {
        return examples.getOrDefault(abuse + " " + outcome, "");
    }
}
