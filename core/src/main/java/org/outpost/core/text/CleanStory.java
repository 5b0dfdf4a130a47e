package org.outpost.core.text;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One article recovered from a scraped page.
 *
 * @param title the article's headline, or a headline derived from its first sentence; never null
 * @param body paragraphs joined by a blank line ({@code "\n\n"}), each trimmed with inner whitespace
 *     collapsed; never null
 * @param publishedOn the date of the article's dateline; without one, the date its own text states (see
 *     {@code datedFromText}); {@code null} when it states none
 * @param author the name from a byline such as "By Nadin Bahrom"; {@code null} without a byline
 * @param attribution the publisher named by the line that closes the article in a digest ("Source: …",
 *     a copyright or reprint footer) or by a publication metadata line; {@code null} when none names one
 * @param datedFromText whether {@code publishedOn} was read from the story's sentences rather than a
 *     dateline: the day the story reports, which may be a day or two before it was published
 */
public record CleanStory(
        String title,
        String body,
        @Nullable LocalDate publishedOn,
        @Nullable String author,
        @Nullable String attribution,
        boolean datedFromText) {

    public CleanStory {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        if (publishedOn == null && datedFromText) {
            throw new IllegalArgumentException("a story without a date cannot be dated from its text");
        }
    }

    /** A story dated by its dateline, or not at all. */
    public CleanStory(
            String title,
            String body,
            @Nullable LocalDate publishedOn,
            @Nullable String author,
            @Nullable String attribution) {
        this(title, body, publishedOn, author, attribution, false);
    }
}
