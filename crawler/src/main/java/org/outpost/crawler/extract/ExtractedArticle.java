package org.outpost.crawler.extract;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ArticleExtractor} took from one page.
 *
 * @param title the headline, without the site-name suffix; empty when the page has none
 * @param text the main text: paragraphs and headings in document order, separated by a blank line
 * @param author the credited author or authors (several joined with ", "), or null
 * @param publishedAt when the article was published, or null when the page does not say
 * @param dateOrigin where {@code publishedAt} was found; null exactly when it is; {@code TEXT} when the page
 *     declares no date and it was read from the story's own words (see {@link #datedFromText()})
 * @param canonicalUrl the address the article is known by
 * @param language a primary ISO 639-1 code ("ru", "en"), or null when neither declared nor recognisable
 */
public record ExtractedArticle(
        String title,
        String text,
        @Nullable String author,
        @Nullable Instant publishedAt,
        PublicationDate.@Nullable Origin dateOrigin,
        URI canonicalUrl,
        @Nullable String language) {

    /** Whether the date was read from the text (a dateline, a byline, a date the story states), not declared. */
    public boolean datedFromText() {
        return dateOrigin == PublicationDate.Origin.TEXT;
    }
}
