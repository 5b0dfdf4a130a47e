package org.outpost.core.topic.learn;

import java.util.Map;
import org.outpost.core.topic.TopicTerms;

/**
 * A text's terms as the model reads them: {@code 1 + ln count} per term, scaled to unit length
 * over all the text's terms (known to the model or not), so a long text is not louder than a
 * short one and training and scoring see the same values.
 */
record Vector(String[] terms, double[] values) {

    static Vector of(TopicTerms terms) {
        Map<String, Integer> counts = terms.counts();
        String[] names = new String[counts.size()];
        double[] values = new double[counts.size()];
        double norm = 0;
        int i = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            names[i] = entry.getKey();
            values[i] = 1 + Math.log(entry.getValue());
            norm += values[i] * values[i];
            i++;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < values.length; j++) {
            values[j] /= norm;
        }
        return new Vector(names, values);
    }
}
