package org.outpost.core.topic.learn;

import java.util.List;

/**
 * One binary logistic regression, L2-regularised, fitted on all texts at once with Adam. The
 * loss is the mean log-loss with the rarer class weighted up by the square root of the imbalance
 * (a topic with 40 positives among 900 texts would otherwise learn to say no), plus
 * {@code l2 / 2 × |w|²}; the bias is not regularised and starts at the weighted prior.
 */
record Logistic(double[] weights, double bias) {

    private static final double RATE = 0.05;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    static Logistic fit(List<Sparse> x, List<Boolean> y, int size, double l2, int iterations) {
        double[] w = new double[size];
        int positives = (int) y.stream().filter(b -> b).count();
        int negatives = y.size() - positives;
        if (positives == 0 || negatives == 0) {
            // nothing to tell apart: the prior alone, far from either threshold when there is no text at all
            return new Logistic(w, positives == 0 ? -6 : 6);
        }
        double positiveWeight = Math.sqrt(Math.max(1.0, (double) negatives / positives));
        double negativeWeight = Math.sqrt(Math.max(1.0, (double) positives / negatives));
        double total = positives * positiveWeight + negatives * negativeWeight;
        double b = Math.log(positives * positiveWeight / (negatives * negativeWeight));
        double[] m = new double[size];
        double[] v = new double[size];
        double mb = 0;
        double vb = 0;
        double[] gradient = new double[size];
        for (int step = 1; step <= iterations; step++) {
            for (int f = 0; f < size; f++) {
                gradient[f] = l2 * w[f];
            }
            double gb = 0;
            for (int i = 0; i < x.size(); i++) {
                Sparse row = x.get(i);
                boolean label = y.get(i);
                double p = TopicModel.sigmoid(b + row.dot(w));
                double g = (label ? positiveWeight : negativeWeight) * (p - (label ? 1 : 0)) / total;
                for (int k = 0; k < row.index().length; k++) {
                    gradient[row.index()[k]] += g * row.values()[k];
                }
                gb += g;
            }
            double correction1 = 1 - Math.pow(BETA1, step);
            double correction2 = 1 - Math.pow(BETA2, step);
            for (int f = 0; f < size; f++) {
                m[f] = BETA1 * m[f] + (1 - BETA1) * gradient[f];
                v[f] = BETA2 * v[f] + (1 - BETA2) * gradient[f] * gradient[f];
                w[f] -= RATE * (m[f] / correction1) / (Math.sqrt(v[f] / correction2) + EPSILON);
            }
            mb = BETA1 * mb + (1 - BETA1) * gb;
            vb = BETA2 * vb + (1 - BETA2) * gb * gb;
            b -= RATE * (mb / correction1) / (Math.sqrt(vb / correction2) + EPSILON);
        }
        return new Logistic(w, b);
    }
}
