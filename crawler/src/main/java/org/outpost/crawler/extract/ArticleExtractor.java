package org.outpost.crawler.extract;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a fetched news page into an article: headline, main text, author, publication date,
 * canonical address and language. Metadata is read from the page as served; the main text
 * from a copy that {@link MainText} is free to take apart.
 */
public final class ArticleExtractor {

    public ArticleExtractor() {
    }

    /**
     * @throws ExtractionException when the page has no recognisable article text: a listing or
     *     index page, an empty or error page, fewer than about 40 words of main text, elements
     *     nested deeper than {@value NestingLimit#MAX_DEPTH} levels, or a body that is not text
     */
    public ExtractedArticle extract(String html, URI pageUri) throws ExtractionException {
        Document page = Jsoup.parse(ControlCharacters.removeOrRefuse(html), pageUri.toString());
        NestingLimit.check(page);
        JsonLd jsonLd = JsonLd.of(page);
        String title = TitleFinder.find(page, jsonLd, pageUri);
        @Nullable String author = AuthorFinder.find(page, jsonLd);
        MainText.Result main = MainText.extract(page, title, author);
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
            Optional<Instant> stated = TextDate.find(main.lead());
            if (stated.isPresent()) {
                publishedAt = stated.get();
                origin = PublicationDate.Origin.TEXT;
            }
        }
        return new ExtractedArticle(title, main.text(), author, publishedAt, origin,
                CanonicalUrl.of(page, pageUri), PageLanguage.of(page, main.text()));
    }
}
