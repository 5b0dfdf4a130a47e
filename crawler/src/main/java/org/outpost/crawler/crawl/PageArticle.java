package org.outpost.crawler.crawl;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.crawler.extract.ExtractedArticle;

/**
 * The build-the-article stage for a fetched page: what the page says, completed by what the
 * listing said about it (title, date) and by the source (name, language).
 */
final class PageArticle {

    private PageArticle() {}

    static Article of(
            ExtractedArticle extracted,
            Link link,
            String sourceName,
            @Nullable String sourceLanguage,
            Instant fetchedAt) {
        String title = extracted.title().isBlank() && link.title() != null ? link.title() : extracted.title();
        // the feed's or sitemap's date is declared metadata; a date read from the page's text is a guess
        boolean pageDate = extracted.publishedAt() != null && !(extracted.datedFromText() && link.published() != null);
        Instant published = pageDate ? extracted.publishedAt() : link.published();
        // the address shown, exported and mailed is the canonical one: a feed link's utm_* and
        // from=rss belong to the visit, not to the article; the address fetched stays in the crawled-pages record
        String canonical = extracted.canonicalUrl().toString();
        return Article.builder(sourceName, title, extracted.text())
                .url(canonical)
                .canonicalUrl(canonical)
                .author(extracted.author())
                .publishedAt(published)
                .datedFromText(pageDate && extracted.datedFromText())
                .fetchedAt(fetchedAt)
                .language(extracted.language() != null ? extracted.language() : sourceLanguage)
                .build();
    }
}
