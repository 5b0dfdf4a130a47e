package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

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
    private ArticleSearch search;
    private ArticleStories stories;
    private ArticleStats stats;

    @BeforeEach
    void freshIndex() {
        client = TestElasticsearch.connection().client();
        index = new ArticleIndex(
                client,
                "test-articles-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        search = new ArticleSearch(client, index.alias());
        stories = new ArticleStories(client, index.alias());
        stats = new ArticleStats(client, index.alias());
    }

    @Test
    void createsTheCurrentPeriodBehindAliasFromTheTemplateWithExplicitMappingAndIsIdempotent() throws Exception {
        index.ensureExists();
        var aliases = client.indices().getAlias(a -> a.name(index.alias())).result();
        assertThat(aliases).containsOnlyKeys(index.currentIndexName());
        assertThat(index.currentIndexName())
                .isEqualTo(index.alias() + "-v1-"
                        + java.time.format.DateTimeFormatter.ofPattern("uuuu.MM")
                                .format(Instant.now().atZone(java.time.ZoneOffset.UTC)));
        assertThat(client.indices()
                        .existsIndexTemplate(t -> t.name(index.alias() + "-v1"))
                        .value())
                .isTrue();
        var mapping = client.indices()
                .getMapping(m -> m.index(index.alias()))
                .result()
                .get(index.currentIndexName())
                .mappings();
        assertThat(mapping.properties())
                .containsKeys(
                        "id",
                        "title",
                        "body",
                        "url",
                        "canonical_url",
                        "source",
                        "published_at",
                        "fetched_at",
                        "indexed_at",
                        "language",
                        "topic_scores",
                        "topics",
                        "entities",
                        "content_hash");
        assertThat(mapping.properties().get("published_at").isDate()).isTrue();
        assertThat(mapping.properties().get("source").isKeyword()).isTrue();
    }

    @Test
    void indexingTheSameArticleTwiceLeavesOneDocument() {
        Article article = article(
                "https://news.example/1", "Heroin seized at the Tajik-Afghan border", "Border guards seized 40 kg.");
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
        Article badField = new Article(
                "bad-field",
                "Bad",
                "Body",
                null,
                null,
                "Test",
                null,
                null,
                null,
                null,
                null,
                java.util.Map.of("", 0.5),
                null,
                null,
                null,
                null,
                null);
        Article badId = new Article(
                "x".repeat(600),
                "Bad",
                "Body",
                null,
                null,
                "Test",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        BulkReport report = index.index(List.of(good, badField, badId));

        assertThat(report.items()).hasSize(3);
        assertThat(report.items())
                .filteredOn(BulkReport.Item::ok)
                .extracting(BulkReport.Item::id)
                .containsExactly(good.id());
        assertThat(report.failures())
                .extracting(BulkReport.Item::id)
                .containsExactlyInAnyOrder("bad-field", "x".repeat(600));
        assertThat(report.failures()).allSatisfy(f -> {
            assertThat(f.error()).isNotBlank();
            assertThat(f.status()).isEqualTo(400);
        });
        index.refresh();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void copiesAreLeftOutOfListsAndCounts() {
        String body = String.join(
                        " ",
                        java.util.Collections.nCopies(
                                6,
                                "Border guards seized heroin near the Panj river crossing in the Khatlon region on Tuesday night."))
                + " Unique sentence number one about a detained courier.";
        Article original = Article.builder("Agency A", "Heroin seized", body)
                .url("https://a.example/1")
                .build();
        Article copy = Article.builder("Agency B", "Heroin seized", body)
                .url("https://b.example/9")
                .build()
                .withDuplicateOf(original.id());
        index.index(List.of(original));
        index.refresh();
        index.index(List.of(copy));
        index.refresh();

        assertThat(stories.duplicatesOf(original.id(), 10))
                .extracting(Article::id)
                .containsExactly(copy.id());
        assertThat(search.search(ArticleQuery.all(10)).items())
                .extracting(h -> h.article().id())
                .containsExactly(original.id());
        assertThat(stats.countOriginals()).isEqualTo(1);
        assertThat(index.count()).isEqualTo(2);
        assertThat(index.getAll(List.of(original.id(), "missing"))).containsOnlyKeys(original.id());
    }

    @Test
    void fieldsAddedToTheMappingReachAnIndexCreatedBefore() throws Exception {
        String alias = "old-articles-" + UUID.randomUUID().toString().substring(0, 8);
        client.indices()
                .create(c -> c.index(alias + "-v1")
                        .aliases(alias, a -> a.isWriteIndex(true))
                        .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                                .properties("id", p -> p.keyword(k -> k))));
        ArticleIndex old = new ArticleIndex(client, alias);
        old.ensureExists();
        var mapping = client.indices()
                .getMapping(g -> g.index(alias))
                .result()
                .get(alias + "-v1")
                .mappings();
        assertThat(mapping.properties()).containsKeys("duplicate_of", "minhash_bands", "title");
    }

    @Test
    void visitsEveryArticleInBatchesAndReplacesOnlyUnchangedOnes() {
        List<Article> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            articles.add(article("https://batch/" + i, "Title " + i, "Body " + i));
        }
        index.index(articles);
        index.refresh();
        List<VersionedArticle> seen = new java.util.ArrayList<>();
        List<Integer> sizes = new java.util.ArrayList<>();

        index.forEachBatch(10, batch -> {
            sizes.add(batch.size());
            seen.addAll(batch);
        });

        assertThat(sizes).containsExactly(10, 10, 3);
        assertThat(seen)
                .extracting(v -> v.article().id())
                .doesNotHaveDuplicates()
                .hasSize(23);

        // someone changes article 0 after we read it: our rewrite of it must not win
        VersionedArticle first = seen.getFirst();
        index.index(List.of(first.article()));
        VersionedArticle second = seen.get(1);
        Instant indexedAt = second.article().indexedAt();
        BulkReport report = index.replaceIfUnchanged(
                List.of(first.withArticle(first.article()), second.withArticle(second.article())));

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(first.article().id());
            assertThat(f.status()).isEqualTo(409);
        });
        assertThat(index.get(second.article().id()).orElseThrow().indexedAt()).isEqualTo(indexedAt);
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(index.get("nope")).isEmpty();
    }

    private static Article article(String url, String title, String body) {
        return Article.builder("Test", title, body)
                .url(url)
                .publishedAt(Instant.parse("2022-10-18T09:00:00Z"))
                .build();
    }
}
