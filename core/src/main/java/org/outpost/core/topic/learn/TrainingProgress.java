package org.outpost.core.topic.learn;

/** Where a training run is, for a progress bar: the share done and what it is doing. */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress NONE = (done, step) -> {};

    /** @param step one of {@code analysing}, {@code rules}, {@code validating}, {@code fitting} */
    void at(double done, String step);
}
