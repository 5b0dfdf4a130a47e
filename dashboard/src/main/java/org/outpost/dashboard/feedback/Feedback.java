package org.outpost.dashboard.feedback;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One user's verdict on one topic of an article, or on the article as a whole ({@code topic} null,
 * {@link Verdict#NOT_RELEVANT}).
 *
 * @param score the topic's score in the article as indexed when the verdict was given; null for the
 *     article-level verdict
 * @param language the article's language code then; null when it had none
 */
public record Feedback(
        String articleId,
        @Nullable String topic,
        Verdict verdict,
        Instant givenAt,
        @Nullable Double score,
        @Nullable String language) {}
