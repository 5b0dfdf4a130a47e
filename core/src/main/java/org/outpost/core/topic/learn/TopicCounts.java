package org.outpost.core.topic.learn;

/** How a labeller did on one topic: labels given rightly, given wrongly, and missed. */
public record TopicCounts(int tp, int fp, int fn) {

    public static final TopicCounts NONE = new TopicCounts(0, 0, 0);

    public TopicCounts plus(TopicCounts other) {
        return new TopicCounts(tp + other.tp, fp + other.fp, fn + other.fn);
    }

    /** 1 when nothing was labelled (nothing wrong was said). */
    public double precision() {
        return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    /** 1 when there was nothing to find. */
    public double recall() {
        return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    /** 0 when there was nothing to find and nothing was labelled: no evidence either way. */
    public double f1() {
        return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }
}
