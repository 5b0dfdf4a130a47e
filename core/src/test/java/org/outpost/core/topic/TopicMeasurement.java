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
    private final Map<String, int[][]> halvesByTopic = new LinkedHashMap<>(); // [held out, tuned][tp, fp, fn]
    private final int[][] halves = new int[2][3]; // [0] even ids (held out), [1] odd ids (tuned)
    private final List<String> errors = new ArrayList<>();
    private int passages;
    private int offTopic;

    TopicMeasurement(List<String> topics) {
        topics.forEach(id -> {
            counts.put(id, new int[3]);
            halvesByTopic.put(id, new int[2][3]);
        });
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
                halvesByTopic.get(topic)[passage.heldOut() ? 0 : 1][kind]++;
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
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "%n%s%n%-27s %5s %5s %5s %9s %7s %6s %9s %9s%n",
                heading,
                "topic",
                "tp",
                "fp",
                "fn",
                "precision",
                "recall",
                "f1",
                "f1 tuned",
                "f1 held"));
        counts.forEach((topic, c) -> table.append(row(topic, c, halvesByTopic.get(topic))));
        table.append(row("micro", total(), halves));
        table.append(String.format(
                Locale.ROOT,
                "micro-F1 on odd ids (looked at while writing the topics) %.3f, " + "on even ids (held out) %.3f%n",
                tunedMicroF1(),
                heldOutMicroF1()));
        table.append(String.format(Locale.ROOT, "%d passages, %d of them off-topic%n", passages, offTopic));
        table.append("errors (+ false label, - missed label): ")
                .append(String.join(", ", errors))
                .append('\n');
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

    private static String row(String name, int[] c, int[][] halves) {
        int tp = c[0];
        int fp = c[1];
        int fn = c[2];
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        return String.format(
                Locale.ROOT,
                "%-27s %5d %5d %5d %9.3f %7.3f %6.3f %9s %9s%n",
                name,
                tp,
                fp,
                fn,
                precision,
                recall,
                f1(tp, fp, fn),
                cell(halves[1]),
                cell(halves[0]));
    }

    /** F1 of one half, or "-" when that half has neither the label nor a false one. */
    private static String cell(int[] c) {
        return c[0] + c[1] + c[2] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", f1(c[0], c[1], c[2]));
    }

    static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
