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
 * @param publishedOn the date of the article's dateline; {@code null} when the article has none (dates
 *     mentioned inside sentences are event dates, not publication dates)
 * @param author the name from a byline such as "By Nadin Bahrom"; {@code null} without a byline
 * @param attribution the publisher named by the line that closes the article in a digest ("Source: …",
 *     a copyright or reprint footer) or by a publication metadata line; {@code null} when none names one
 */
public record CleanStory(String title, String body, @Nullable LocalDate publishedOn, @Nullable String author,
        @Nullable String attribution) {

    public CleanStory {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
