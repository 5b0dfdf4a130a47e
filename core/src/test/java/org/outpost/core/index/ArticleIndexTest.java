package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class ArticleIndexTest {

    private ElasticsearchClient client;
    private ArticleIndex index;

    @BeforeEach
    void freshIndex() {
        client = TestElasticsearch.connection().client();
        index = new ArticleIndex(client, "test-articles-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
    }

    @Test
    void createsVersionedIndexBehindAliasWithExplicitMappingAndIsIdempotent() throws Exception {
        index.ensureExists();
        var aliases = client.indices().getAlias(a -> a.name(index.alias())).result();
        assertThat(aliases).containsOnlyKeys(index.currentIndexName());
        var mapping = client.indices().getMapping(m -> m.index(index.alias())).result().get(index.currentIndexName()).mappings();
        assertThat(mapping.properties()).containsKeys("id", "title", "body", "url", "canonical_url", "source",
                "published_at", "fetched_at", "indexed_at", "language", "topic_scores", "topics", "entities", "content_hash");
        assertThat(mapping.properties().get("published_at").isDate()).isTrue();
        assertThat(mapping.properties().get("source").isKeyword()).isTrue();
    }

    @Test
    void indexingTheSameArticleTwiceLeavesOneDocument() {
        Article article = article("https://news.example/1", "Heroin seized at the Tajik-Afghan border", "Border guards seized 40 kg.");
        BulkReport first = index.index(List.of(article));
        BulkReport second = index.index(List.of(article));
        index.refresh();

        assertThat(first.created()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(1);
        assertThat(index.count()).isEqualTo(1);
        Article stored = index.get(article.id()).orElseThrow();
        assertThat(stored.title()).isEqualTo(article.title());
        assertThat(stored.publishedAt()).isEqualTo(article.publishedAt());
        assertThat(stored.indexedAt()).isNotNull();
    }

    @Test
    void bulkReportsEachItemAndOneBadArticleDoesNotSinkTheOthers() {
        Article good = article("https://news.example/good", "Good", "Fine body");
        // an empty field name is refused by Elasticsearch for this document only
        Article badField = new Article("bad-field", "Bad", "Body", null, null, "Test", null, null, null, null, null,
                java.util.Map.of("", 0.5), null, null, null);
        Article badId = new Article("x".repeat(600), "Bad", "Body", null, null, "Test", null, null, null, null, null,
                null, null, null, null);

        BulkReport report = index.index(List.of(good, badField, badId));

        assertThat(report.items()).hasSize(3);
        assertThat(report.items()).filteredOn(BulkReport.Item::ok).extracting(BulkReport.Item::id).containsExactly(good.id());
        assertThat(report.failures()).extracting(BulkReport.Item::id).containsExactlyInAnyOrder("bad-field", "x".repeat(600));
        assertThat(report.failures()).allSatisfy(f -> {
            assertThat(f.error()).isNotBlank();
            assertThat(f.status()).isEqualTo(400);
        });
        index.refresh();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void searchFindsByLuceneQueryAndHighlightsEscapedText() {
        index.index(List.of(
                article("https://news.example/a", "CSTO drills near the border", "Troops <b>trained</b> on border security."),
                article("https://news.example/b", "Cotton harvest", "Farmers picked cotton.")));
        index.refresh();

        ArticlePage page = index.search(ArticleQuery.text("border AND security"));

        assertThat(page.total()).isEqualTo(1);
        ArticleHit hit = page.items().getFirst();
        assertThat(hit.article().title()).isEqualTo("CSTO drills near the border");
        assertThat(hit.snippet()).contains("<mark>border</mark>").contains("&lt;b&gt;trained").doesNotContain("<b>");
        assertThat(hit.titleHtml()).contains("<mark>border</mark>");
    }

    @Test
    void filtersBySourceAndPublicationTimeAndPagesNewestFirst() {
        Instant t0 = Instant.parse("2022-10-18T00:00:00Z");
        index.index(List.of(
                Article.builder("Khovar", "One", "text").url("https://k/1").publishedAt(t0).build(),
                Article.builder("Khovar", "Two", "text").url("https://k/2").publishedAt(t0.plusSeconds(86400)).build(),
                Article.builder("RFE/RL", "Three", "text").url("https://r/3").publishedAt(t0.plusSeconds(2 * 86400)).build(),
                Article.builder("Khovar", "Undated", "text").url("https://k/4").build()));
        index.refresh();

        ArticlePage khovar = index.search(new ArticleQuery(null, "Khovar", null, null, 0, 2));
        assertThat(khovar.total()).isEqualTo(3);
        assertThat(khovar.items()).extracting(h -> h.article().title()).containsExactly("Two", "One");
        ArticlePage secondPage = index.search(new ArticleQuery(null, "Khovar", null, null, 1, 2));
        assertThat(secondPage.items()).extracting(h -> h.article().title()).containsExactly("Undated");

        ArticlePage window = index.search(new ArticleQuery(null, null, t0.plusSeconds(3600), t0.plusSeconds(3 * 86400), 0, 10));
        assertThat(window.items()).extracting(h -> h.article().title()).containsExactly("Three", "Two");
    }

    @Test
    void invalidLuceneSyntaxIsReportedAsInvalidQueryWithTheReason() {
        assertThatThrownBy(() -> index.search(ArticleQuery.text("border AND (security")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("border AND (security")
                .hasMessageContaining("Cannot parse");
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(index.get("nope")).isEmpty();
    }

    private static Article article(String url, String title, String body) {
        return Article.builder("Test", title, body).url(url).publishedAt(Instant.parse("2022-10-18T09:00:00Z")).build();
    }
}
