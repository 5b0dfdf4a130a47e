package org.outpost.crawler.extract;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Turns a fetched news page into an article: headline, main text, author, publication date,
 * canonical address and language. Metadata is read from the page as served; the main text
 * from a copy that {@link MainText} is free to take apart.
 */
public final class ArticleExtractor {

    public ArticleExtractor() {}

    /** As {@link #extract(String, URI, Instant)} for a page fetched just now. */
    public ExtractedArticle extract(String html, URI pageUri) throws ExtractionException {
        return extract(html, pageUri, Instant.now());
    }

    /**
     * @param fetchedAt when the page was fetched: a date the text states without a year ("16 ноя")
     *     is the latest such day not after it, and a date stated later than it is not believed
     * @throws ExtractionException when the page is not an article: a listing, index, search or tag
     *     page, an error page, a page with no headline and fewer than 40 words or with a headline and
     *     fewer than 20, elements nested deeper than {@value NestingLimit#MAX_DEPTH} levels, or a
     *     body that is not text
     */
    public ExtractedArticle extract(String html, URI pageUri, Instant fetchedAt) throws ExtractionException {
        Document page = Jsoup.parse(ControlCharacters.removeOrRefuse(html), pageUri.toString());
        NestingLimit.check(page);
        JsonLd jsonLd = JsonLd.of(page);
        String title = TitleFinder.find(page, jsonLd, pageUri);
        ErrorPage.refuse(page, title);
        @Nullable String label = ListingPage.sectionLabel(page, title);
        if (label != null) {
            throw new ExtractionException("an index page, not an article: " + label);
        }
        @Nullable String author = AuthorFinder.find(page, jsonLd);
        MainText.Result main = MainText.extract(page, title, author);
        if (DomText.words(main.text()) < MainText.BRIEF_WORDS) {
            @Nullable String sign = ListingPage.indexSign(page, main.box(), title, pageUri, jsonLd);
            if (sign != null) {
                throw new ExtractionException("an index page, not an article: " + sign);
            }
        }
        if (author == null) {
            author = AuthorFinder.fromLead(main.lead());
        }

        @Nullable Instant publishedAt = null;
        PublicationDate.@Nullable Origin origin = null;
        Optional<PublicationDate.Found> declared = PublicationDate.find(page, pageUri);
        if (declared.isPresent()) {
            publishedAt = declared.get().instant();
            origin = declared.get().origin();
        } else {
            // the dateline or byline first; failing that, the latest date the story itself states
            Optional<Instant> stated =
                    TextDate.inLead(main.lead(), fetchedAt).or(() -> TextDate.latestStated(main.text(), fetchedAt));
            if (stated.isPresent()) {
                publishedAt = stated.get();
                origin = PublicationDate.Origin.TEXT;
            }
        }
        return new ExtractedArticle(
                title,
                main.text(),
                author,
                publishedAt,
                origin,
                CanonicalUrl.of(page, pageUri),
                PageLanguage.of(page, main.text()));
    }
}
