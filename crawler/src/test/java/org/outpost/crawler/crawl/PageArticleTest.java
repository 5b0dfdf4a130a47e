package org.outpost.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.crawler.extract.ArticleExtractor;
import org.outpost.crawler.extract.ExtractedArticle;
import org.outpost.crawler.extract.PublicationDate;

class PageArticleTest {

    private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");
    private static final Instant FEED_DATE = Instant.parse("2026-03-04T08:00:00Z");
    private static final Instant PAGE_DATE = Instant.parse("2026-03-03T09:00:00Z");
    private static final URI CANONICAL = URI.create("https://wire.example/news/heroin");

    @Test
    void theArticleCarriesTheCanonicalAddressNotTheOneFetched() {
        Link link = new Link(URI.create("https://wire.example/news/heroin?utm_source=rss&from=rss"), null, null, null);

        Article article = PageArticle.of(
                extracted("Heroin seized", PAGE_DATE, PublicationDate.Origin.JSON_LD, "en"), link, "Wire", "ru", NOW);

        assertThat(article.url()).isEqualTo(CANONICAL.toString());
        assertThat(article.canonicalUrl()).isEqualTo(CANONICAL.toString());
        assertThat(article.source()).isEqualTo("Wire");
        assertThat(article.fetchedAt()).isEqualTo(NOW);
        assertThat(article.language())
                .as("the page's language before the source's")
                .isEqualTo("en");
    }

    @Test
    void aDateDeclaredByThePageWinsButTheListingsDateWinsOverOneReadFromTheText() {
        Link listed = new Link(CANONICAL, "Feed title", FEED_DATE, null);

        Article declared = PageArticle.of(
                extracted("Heroin seized", PAGE_DATE, PublicationDate.Origin.JSON_LD, null), listed, "Wire", null, NOW);
        Article guessed = PageArticle.of(
                extracted("Heroin seized", PAGE_DATE, PublicationDate.Origin.TEXT, null), listed, "Wire", null, NOW);

        assertThat(declared.publishedAt()).isEqualTo(PAGE_DATE);
        assertThat(guessed.publishedAt()).isEqualTo(FEED_DATE);
        assertThat(guessed.datedFromText()).isFalse();
    }

    @Test
    void aPageWithoutTitleOrLanguageTakesTheListingsTitleAndTheSourcesLanguage() {
        Link listed = new Link(CANONICAL, "Feed title", null, null);

        Article article = PageArticle.of(extracted("", null, null, null), listed, "Wire", "ru", NOW);

        assertThat(article.title()).isEqualTo("Feed title");
        assertThat(article.language()).isEqualTo("ru");
        assertThat(article.publishedAt()).isNull();
    }

    @Test
    void anArticleWhoseCanonicalLinkIsNotHttpIsStoredWithItsPageAddress() throws Exception {
        URI page = URI.create("https://wire.example/news/2026/03/raid");
        for (String hostile :
                new String[] {"javascript:alert(1)", "data:text/html,<script>1</script>", "file:///etc/passwd"}) {
            String html = FixtureSite.articleHtml("Raid in Khorog", FixtureSite.story(7), "/news/2026/03/raid")
                    .replace("<head>", "<head><link rel=\"canonical\" href=\"" + hostile.replace("<", "&lt;") + "\">");
            ExtractedArticle extracted = new ArticleExtractor().extract(html, page);

            Article article = PageArticle.of(extracted, new Link(page, null, null, null), "Wire", null, NOW);

            assertThat(article.url()).as(hostile).isEqualTo(page.toString());
            assertThat(article.canonicalUrl()).as(hostile).isEqualTo(page.toString());
        }
    }

    @Test
    void anAddressThatIsNotHttpNeverBecomesAnArticlesUrl() {
        Article article = Article.builder("Wire", "Title", "Body")
                .url("javascript:alert(1)")
                .canonicalUrl("data:text/html,x")
                .fetchedAt(NOW)
                .build();

        assertThat(article.url()).isNull();
        assertThat(article.canonicalUrl()).isNull();
    }

    private static ExtractedArticle extracted(
            String title,
            @Nullable Instant published,
            PublicationDate.@Nullable Origin origin,
            @Nullable String language) {
        return new ExtractedArticle(
                title,
                "Border guards seized heroin near Khorog on Monday, officials said.",
                null,
                published,
                origin,
                CANONICAL,
                language);
    }
}
