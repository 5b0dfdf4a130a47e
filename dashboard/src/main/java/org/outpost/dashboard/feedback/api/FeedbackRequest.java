package org.outpost.dashboard.feedback.api;

import org.jspecify.annotations.Nullable;

/** {@code {"topic": "terrorism", "verdict": "wrong"}}; topic null (or left out) with {@code not_relevant}. */
record FeedbackRequest(@Nullable String topic, @Nullable String verdict) {}
