package org.outpost.dashboard.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What an analyst says about a topic label of an article, or about the article as a whole. */
public enum Verdict {
    /** The article is labelled with the topic and should be. */
    RIGHT,
    /** The article is labelled with the topic and should not be. */
    WRONG,
    /** The article is not labelled with the topic and should be. */
    MISSING,
    /** The article is of no interest to us: no topic fits it (given without a topic). */
    NOT_RELEVANT;

    /** The name in the API: {@code right}, {@code wrong}, {@code missing}, {@code not_relevant}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the verdict says the article is about its topic. */
    public boolean saysYes() {
        return this == RIGHT || this == MISSING;
    }

    /** Accepts any case ({@code "Wrong"}, {@code "NOT_RELEVANT"}). */
    public static Verdict parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new FeedbackRefusedException("'verdict' is required: one of " + codes());
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FeedbackRefusedException("'verdict' must be one of " + codes() + ", was '" + value + "'");
        }
    }

    static String codes() {
        return Arrays.stream(values()).map(Verdict::code).collect(Collectors.joining(", "));
    }
}
