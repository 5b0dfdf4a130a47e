package org.outpost.core.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Precision, recall and F1 per topic and micro-averaged, over all passages and over the tuned and held-out halves. */
final class TopicMeasurement {

    private final Map<String, int[]> counts = new LinkedHashMap<>(); // tp, fp, fn
    private final int[][] halves = new int[2][3]; // [0] even ids (held out), [1] odd ids (tuned)
    private final List<String> errors = new ArrayList<>();
    private int passages;
    private int offTopic;

    TopicMeasurement(List<String> topics) {
        topics.forEach(id -> counts.put(id, new int[3]));
    }

    void add(EvaluationSet.Passage passage, Collection<String> predicted) {
        passages++;
        offTopic += passage.labels().isEmpty() ? 1 : 0;
        int[] half = halves[passage.heldOut() ? 0 : 1];
        for (var entry : counts.entrySet()) {
            String topic = entry.getKey();
            boolean expected = passage.labels().contains(topic);
            boolean got = predicted.contains(topic);
            int kind = expected && got ? 0 : got ? 1 : expected ? 2 : -1;
            if (kind >= 0) {
                entry.getValue()[kind]++;
                half[kind]++;
            }
            if (kind == 1 || kind == 2) {
                errors.add(passage.id() + (kind == 1 ? " +" : " -") + topic);
            }
        }
    }

    double microF1() {
        int[] total = total();
        return f1(total[0], total[1], total[2]);
    }

    double heldOutMicroF1() {
        return f1(halves[0][0], halves[0][1], halves[0][2]);
    }

    double tunedMicroF1() {
        return f1(halves[1][0], halves[1][1], halves[1][2]);
    }

    int passages() {
        return passages;
    }

    int offTopic() {
        return offTopic;
    }

    String table(String heading) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%s%n%-27s %5s %5s %5s %9s %7s %6s%n",
                heading, "topic", "tp", "fp", "fn", "precision", "recall", "f1"));
        counts.forEach((topic, c) -> table.append(row(topic, c[0], c[1], c[2])));
        int[] total = total();
        table.append(row("micro", total[0], total[1], total[2]));
        table.append(String.format(Locale.ROOT, "micro-F1 on odd ids (looked at while writing the topics) %.3f, "
                + "on even ids (held out) %.3f%n", tunedMicroF1(), heldOutMicroF1()));
        table.append(String.format(Locale.ROOT, "%d passages, %d of them off-topic%n", passages, offTopic));
        table.append("errors (+ false label, - missed label): ").append(String.join(", ", errors)).append('\n');
        return table.toString();
    }

    private int[] total() {
        int[] total = new int[3];
        for (int[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        }
        return total;
    }

    private static String row(String name, int tp, int fp, int fn) {
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        return String.format(Locale.ROOT, "%-27s %5d %5d %5d %9.3f %7.3f %6.3f%n", name, tp, fp, fn, precision, recall,
                f1(tp, fp, fn));
    }

    static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
