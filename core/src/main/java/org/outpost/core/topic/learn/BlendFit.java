package org.outpost.core.topic.learn;

import java.util.List;

/**
 * Fits one topic's {@link TopicModel.Blend} — a logistic regression over two inputs, the rule
 * score and the model's probability — on texts whose model probability came from a model that did
 * not see them (cross-validation), so it learns how far to trust the model on new text, not on
 * text it has memorised. Unweighted, so the result is a probability the topic's threshold means
 * something against; both weights kept non-negative, so the score never falls when either part rises.
 */
final class BlendFit {

    private static final int ITERATIONS = 3000;
    private static final double RATE = 0.05;
    private static final double L2 = 1e-3;

    /**
     * The precision the blend is held to on the texts it is fitted on. Likelihood alone puts the
     * threshold where errors of both kinds cost the same; analysts read every label given and trust
     * the dashboard less for each wrong one, so a label missed is the cheaper mistake.
     */
    static final double PRECISION_FLOOR = 0.92;

    private BlendFit() {}

    static TopicModel.Blend fit(List<double[]> inputs, List<Boolean> labels, double threshold) {
        int positives = (int) labels.stream().filter(b -> b).count();
        if (positives == 0 || positives == labels.size()) {
            // nothing to learn how to combine: the rules alone, as a sigmoid through their own threshold region
            return new TopicModel.Blend(6, 0, -3);
        }
        double[] w = {1, 1, Math.log((double) positives / (labels.size() - positives))};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int step = 1; step <= ITERATIONS; step++) {
            double[] g = {L2 * w[0], L2 * w[1], 0};
            for (int i = 0; i < inputs.size(); i++) {
                double[] x = inputs.get(i);
                double p = TopicModel.sigmoid(w[0] * x[0] + w[1] * x[1] + w[2]);
                double error = (p - (labels.get(i) ? 1 : 0)) / inputs.size();
                g[0] += error * x[0];
                g[1] += error * x[1];
                g[2] += error;
            }
            for (int k = 0; k < 3; k++) {
                m[k] = 0.9 * m[k] + 0.1 * g[k];
                v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
                double mh = m[k] / (1 - Math.pow(0.9, step));
                double vh = v[k] / (1 - Math.pow(0.999, step));
                w[k] -= RATE * mh / (Math.sqrt(vh) + 1e-8);
            }
            w[0] = Math.max(0, w[0]);
            w[1] = Math.max(0, w[1]);
        }
        w[2] += precisionShift(inputs, labels, w, threshold);
        return new TopicModel.Blend(w[0], w[1], w[2]);
    }

    /**
     * The shift of the blend's bias, in [-1.5, 1.5], that gives the best F1 on these texts among
     * those keeping precision at {@link #PRECISION_FLOOR}; the smallest such shift on a tie, none if
     * no shift keeps it.
     */
    private static double precisionShift(List<double[]> inputs, List<Boolean> labels, double[] w, double threshold) {
        double best = 0;
        double bestF1 = -1;
        for (int k = -15; k <= 15; k++) {
            double shift = k / 10.0;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < inputs.size(); i++) {
                double[] x = inputs.get(i);
                boolean given = TopicModel.sigmoid(w[0] * x[0] + w[1] * x[1] + w[2] + shift) >= threshold;
                boolean known = labels.get(i);
                tp += given && known ? 1 : 0;
                fp += given && !known ? 1 : 0;
                fn += !given && known ? 1 : 0;
            }
            if (tp + fp > 0 && (double) tp / (tp + fp) < PRECISION_FLOOR) {
                continue;
            }
            double f1 = 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
            if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(shift) < Math.abs(best))) {
                bestF1 = f1;
                best = shift;
            }
        }
        return best;
    }
}
