package org.outpost.core.topic.learn;

/** A text's vector over the model's vocabulary: the positions of its known terms and their values. */
record Sparse(int[] index, double[] values) {

    double dot(double[] weights) {
        double sum = 0;
        for (int i = 0; i < index.length; i++) {
            sum += weights[index[i]] * values[i];
        }
        return sum;
    }
}
