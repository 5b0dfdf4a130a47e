package org.outpost.dashboard.model.ui;

import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.TopicCounts;

/**
 * One line of the side-by-side table: a topic (or every topic together) as the rules alone, the
 * model in use and the candidate label it.
 *
 * @param inUse null when the figures of the model in use were not measured (no candidate yet)
 */
record QualityRow(
        String label,
        boolean total,
        TopicCounts rules,
        @Nullable TopicCounts inUse,
        TopicCounts candidate) {}
