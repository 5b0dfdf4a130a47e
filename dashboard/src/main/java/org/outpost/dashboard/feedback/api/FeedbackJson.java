package org.outpost.dashboard.feedback.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.feedback.Feedback;

/** A verdict as the API shows it: the verdict in lower case, as it is sent. */
record FeedbackJson(
        String articleId,
        @Nullable String topic,
        String verdict,
        Instant givenAt,
        @Nullable Double score,
        @Nullable String language) {

    static FeedbackJson of(Feedback f) {
        return new FeedbackJson(f.articleId(), f.topic(), f.verdict().code(), f.givenAt(), f.score(), f.language());
    }
}
