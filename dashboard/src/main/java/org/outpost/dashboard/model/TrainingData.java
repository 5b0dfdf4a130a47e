package org.outpost.dashboard.model;

import java.util.ArrayList;
import java.util.List;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.LabelledText;

/**
 * What a training run learns from and what it is judged on. The shipped sets keep their split;
 * a fixed share of the feedback ({@code 1/}{@value #HELD_BACK_EVERY}, chosen by the article's id so
 * an article stays on its side from one run to the next) is held back and joins the held-out texts,
 * so the figures also say how a model does on what analysts see, not only on the shipped passages.
 */
record TrainingData(List<LabelledText> training, List<LabelledText> heldOut, int feedbackTrained) {

    static final int HELD_BACK_EVERY = 5;

    TrainingData {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
    }

    static TrainingData of(LabelledSets shipped, List<LabelledText> feedback) {
        List<LabelledText> training = new ArrayList<>(shipped.training());
        List<LabelledText> heldOut = new ArrayList<>(shipped.heldOut());
        int trained = 0;
        for (LabelledText text : feedback) {
            if (heldBack(text.id())) {
                heldOut.add(text);
            } else {
                training.add(text);
                trained++;
            }
        }
        return new TrainingData(training, heldOut, trained);
    }

    static boolean heldBack(String articleId) {
        return Math.floorMod(articleId.hashCode(), HELD_BACK_EVERY) == 0;
    }
}
