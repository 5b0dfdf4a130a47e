package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class ArticleSearchTest {

    private ArticleIndex index;
    private ArticleSearch search;

    @BeforeEach
    void freshIndex() {
        var client = TestElasticsearch.connection().client();
        index = new ArticleIndex(
                client,
                "search-articles-"
                        + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        search = new ArticleSearch(client, index.alias());
    }

    @Test
    void aSearchOverItsTimeoutIsGivenUpAsTookTooLongInsteadOfHoldingTheCaller() {
        index.index(List.of(article("https://news.example/t", "Border talks", "Officials met at the border.")));
        index.refresh();
        var client = TestElasticsearch.connection().client();
        // a deadline no round trip can meet: the caller stops waiting, whatever Elasticsearch does
        ArticleSearch impatient = new ArticleSearch(client, index.alias(), java.time.Duration.ofNanos(1));
        ArticleStats impatientStats = new ArticleStats(client, index.alias(), java.time.Duration.ofNanos(1));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.search(ArticleQuery.text("border")))
                .isInstanceOf(SearchTimeoutException.class)
                .hasMessageContaining("took longer than");
        assertThatThrownBy(() -> impatient.facets(ArticleQuery.all(10), 5)).isInstanceOf(SearchTimeoutException.class);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThatThrownBy(() -> impatientStats.topicCounts(Instant.EPOCH, Instant.now()))
                .isInstanceOf(SearchTimeoutException.class);
        assertThatThrownBy(impatientStats::countOriginals).isInstanceOf(SearchTimeoutException.class);

        ArticleSearch patient = new ArticleSearch(client, index.alias(), java.time.Duration.ofSeconds(5));
        assertThat(patient.search(ArticleQuery.text("border")).total()).isEqualTo(1);
    }

    @Test
    void searchFindsByLuceneQueryAndHighlightsEscapedText() {
        index.index(List.of(
                article(
                        "https://news.example/a",
                        "CSTO drills near the border",
                        "Troops <b>trained</b> on border security."),
                article("https://news.example/b", "Cotton harvest", "Farmers picked cotton.")));
        index.refresh();

        ArticlePage page = search.search(ArticleQuery.text("border AND security"));

        assertThat(page.total()).isEqualTo(1);
        ArticleHit hit = page.items().getFirst();
        assertThat(hit.article().title()).isEqualTo("CSTO drills near the border");
        assertThat(hit.snippet())
                .contains("<mark>border</mark>")
                .contains("&lt;b&gt;trained")
                .doesNotContain("<b>");
        assertThat(hit.titleHtml()).contains("<mark>border</mark>");
    }

    @Test
    void filtersBySourceAndPublicationTimeAndPagesNewestFirst() {
        Instant t0 = Instant.parse("2022-10-18T00:00:00Z");
        index.index(List.of(
                Article.builder("Khovar", "One", "text")
                        .url("https://k/1")
                        .publishedAt(t0)
                        .build(),
                Article.builder("Khovar", "Two", "text")
                        .url("https://k/2")
                        .publishedAt(t0.plusSeconds(86400))
                        .build(),
                Article.builder("RFE/RL", "Three", "text")
                        .url("https://r/3")
                        .publishedAt(t0.plusSeconds(2 * 86400))
                        .build(),
                Article.builder("Khovar", "Undated", "text").url("https://k/4").build()));
        index.refresh();

        ArticlePage khovar = search.search(new ArticleQuery(null, "Khovar", null, null, 0, 2));
        assertThat(khovar.total()).isEqualTo(3);
        assertThat(khovar.items()).extracting(h -> h.article().title()).containsExactly("Two", "One");
        ArticlePage secondPage = search.search(new ArticleQuery(null, "Khovar", null, null, 1, 2));
        assertThat(secondPage.items()).extracting(h -> h.article().title()).containsExactly("Undated");

        ArticlePage window =
                search.search(new ArticleQuery(null, null, t0.plusSeconds(3600), t0.plusSeconds(3 * 86400), 0, 10));
        assertThat(window.items()).extracting(h -> h.article().title()).containsExactly("Three", "Two");
    }

    @Test
    void latestListsTheNewestOfTheTopicInThePeriodWithoutCopies() {
        Instant t0 = Instant.parse("2022-10-18T00:00:00Z");
        index.index(List.of(
                labelled("https://k/1", "Old", t0, "border_security"),
                labelled("https://k/2", "Newer", t0.plusSeconds(3600), "border_security"),
                labelled("https://k/3", "Newest", t0.plusSeconds(7200), "border_security"),
                labelled("https://k/4", "Other topic", t0.plusSeconds(5400), "terrorism"),
                labelled("https://k/5", "After the period", t0.plusSeconds(86400), "border_security"),
                labelled("https://k/6", "A copy", t0.plusSeconds(6000), "border_security")
                        .withDuplicateOf("https://k/3")));
        index.refresh();

        List<ArticleHit> latest = search.latest(
                t0,
                t0.plusSeconds(8000),
                new ArticleQuery.Filters(java.util.Map.of("border_security", 0.0), List.of(), List.of(), List.of()),
                2);

        assertThat(latest).extracting(h -> h.article().title()).containsExactly("Newest", "Newer");
        assertThat(search.latest(t0, t0.plusSeconds(8000), ArticleQuery.Filters.NONE, 10))
                .extracting(h -> h.article().title())
                .containsExactly("Newest", "Other topic", "Newer", "Old");
    }

    private static Article labelled(String url, String title, Instant published, String topic) {
        return Article.builder("Khovar", title, "text")
                .url(url)
                .publishedAt(published)
                .build()
                .withClassification(java.util.Map.of(topic, 0.9), List.of(topic), List.of());
    }

    @Test
    void invalidLuceneSyntaxIsReportedAsInvalidQueryWithTheReason() {
        assertThatThrownBy(() -> search.search(ArticleQuery.text("border AND (security")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Invalid query at column")
                .hasMessageContaining("the query ends too early");
    }

    @Test
    void invalidSyntaxIsReportedEvenWhenTheDateRangeHoldsNoArticle() {
        assertThatThrownBy(() -> search.search(new ArticleQuery(
                        "border AND (security",
                        null,
                        Instant.parse("2030-01-01T00:00:00Z"),
                        Instant.parse("2030-02-01T00:00:00Z"),
                        0,
                        10)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("the query ends too early");
    }

    private static Article article(String url, String title, String body) {
        return Article.builder("Test", title, body)
                .url(url)
                .publishedAt(Instant.parse("2022-10-18T09:00:00Z"))
                .build();
    }
}
