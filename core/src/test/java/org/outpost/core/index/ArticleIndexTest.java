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
                java.util.Map.of("", 0.5), null, null, null, null, null);
        Article badId = new Article("x".repeat(600), "Bad", "Body", null, null, "Test", null, null, null, null, null,
                null, null, null, null, null, null);

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
                .hasMessageContaining("Invalid query at column")
                .hasMessageContaining("the query ends too early");
    }

    @Test
    void trendsCountArticlesAndLabelsPerBucketIncludingEmptyOnes() {
        Instant day1 = Instant.parse("2022-10-17T10:00:00Z");
        index.index(List.of(
                labelled("https://t/1", day1, List.of("terrorism", "border_security")),
                labelled("https://t/2", day1.plusSeconds(3600), List.of("terrorism")),
                labelled("https://t/3", day1.plusSeconds(2 * 86400), List.of()),
                labelled("https://t/4", day1.plusSeconds(10 * 86400), List.of("terrorism"))));
        index.refresh();
        List<String> topics = List.of("border_security", "terrorism", "human_rights");

        List<TrendBucket> buckets = index.trends(new TrendQuery(Instant.parse("2022-10-17T00:00:00Z"),
                Instant.parse("2022-10-20T00:00:00Z"), TrendInterval.DAY, null, null, java.time.ZoneOffset.UTC), topics);

        assertThat(buckets).extracting(b -> b.time().toString())
                .containsExactly("2022-10-17T00:00:00Z", "2022-10-18T00:00:00Z", "2022-10-19T00:00:00Z");
        assertThat(buckets).extracting(TrendBucket::total).containsExactly(2L, 0L, 1L);
        assertThat(buckets.get(0).topics()).containsExactly(java.util.Map.entry("border_security", 1L),
                java.util.Map.entry("terrorism", 2L), java.util.Map.entry("human_rights", 0L));

        List<TrendBucket> terrorismOnly = index.trends(new TrendQuery(Instant.parse("2022-10-17T00:00:00Z"),
                Instant.parse("2022-10-20T00:00:00Z"), TrendInterval.DAY, "terrorism", null, java.time.ZoneOffset.UTC), topics);
        assertThat(terrorismOnly).extracting(TrendBucket::total).containsExactly(2L, 0L, 0L);
    }

    @Test
    void trendBucketsStartInTheGivenTimeZone() {
        index.index(List.of(labelled("https://tz/1", Instant.parse("2022-10-17T22:30:00Z"), List.of("terrorism"))));
        index.refresh();

        List<TrendBucket> dushanbe = index.trends(new TrendQuery(Instant.parse("2022-10-16T19:00:00Z"),
                Instant.parse("2022-10-18T19:00:00Z"), TrendInterval.DAY, null, null, java.time.ZoneId.of("Asia/Dushanbe")),
                List.of("terrorism"));

        // 22:30 UTC is already the 18th in Dushanbe (UTC+5)
        assertThat(dushanbe).filteredOn(b -> b.total() > 0).singleElement()
                .satisfies(b -> assertThat(b.time()).isEqualTo(Instant.parse("2022-10-17T19:00:00Z")));
    }

    @Test
    void trendsRejectAnInvalidQueryEvenWhenNoArticleIsInRange() {
        assertThatThrownBy(() -> index.trends(new TrendQuery(Instant.parse("2030-01-01T00:00:00Z"),
                Instant.parse("2030-01-02T00:00:00Z"), TrendInterval.DAY, null, "(unclosed", java.time.ZoneOffset.UTC),
                List.of("terrorism")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("the query ends too early");
    }

    @Test
    void trendRangeMustBeSensible() {
        Instant now = Instant.parse("2022-10-17T00:00:00Z");
        assertThatThrownBy(() -> new TrendQuery(now, now, TrendInterval.DAY, null, null, java.time.ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> new TrendQuery(now.minusSeconds(3 * 365 * 86400L), now, TrendInterval.HOUR, null, null,
                java.time.ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wider interval");
        assertThatThrownBy(() -> TrendInterval.of("month")).hasMessageContaining("hour, day or week");
    }

    @Test
    void copiesAreFoundByContentOrFingerprintAndLeftOutOfListsAndCounts() {
        String body = String.join(" ", java.util.Collections.nCopies(6,
                "Border guards seized heroin near the Panj river crossing in the Khatlon region on Tuesday night."))
                + " Unique sentence number one about a detained courier.";
        Article original = Article.builder("Agency A", "Heroin seized", body).url("https://a.example/1").build();
        Article copy = Article.builder("Agency B", "Heroin seized", body).url("https://b.example/9").build()
                .withDuplicateOf(original.id());
        index.index(List.of(original));
        index.refresh();
        index.index(List.of(copy));
        index.refresh();

        assertThat(index.copyCandidates(original.contentHash(), original.minhash(), 10))
                .extracting(Article::id).containsExactly(original.id(), copy.id());
        Article reprint = Article.builder("Agency C", "Heroin seized", body + " Follow us on Telegram.")
                .url("https://c.example/5").build();
        assertThat(reprint.contentHash()).isNotEqualTo(original.contentHash());
        assertThat(index.copyCandidates(reprint.contentHash(), reprint.minhash(), 10))
                .extracting(Article::id).contains(original.id());

        assertThat(index.duplicatesOf(original.id(), 10)).extracting(Article::id).containsExactly(copy.id());
        assertThat(index.search(ArticleQuery.all(10)).items()).extracting(h -> h.article().id())
                .containsExactly(original.id());
        assertThat(index.countOriginals()).isEqualTo(1);
        assertThat(index.count()).isEqualTo(2);
        assertThat(index.getAll(List.of(original.id(), "missing"))).containsOnlyKeys(original.id());
    }

    @Test
    void relatedFindsAStoryOnTheSameSubjectBeforeAnUnrelatedOneAndNeverACopy() {
        Article heroin = article("https://a.example/heroin-1", "Heroin seized at the Tajik-Afghan border",
                "Border guards seized 40 kg of heroin near Panj; the heroin was hidden in a truck of onions.");
        Article otherHeroin = article("https://b.example/heroin-2", "Police find heroin in Osh",
                "Police in Osh found 12 kg of heroin in a car; the heroin came across the border, they said.");
        Article unrelated = article("https://c.example/water", "Water talks in Tashkent",
                "Ministers discussed irrigation quotas and a new canal at a meeting in Tashkent.");
        Article copy = article("https://d.example/heroin-copy", "Heroin seized at the Tajik-Afghan border",
                "Border guards seized 40 kg of heroin near Panj; the heroin was hidden in a truck of onions.")
                .withDuplicateOf(heroin.id());
        index.index(List.of(heroin, otherHeroin, unrelated, copy));
        index.refresh();

        List<String> related = index.related(heroin.id(), 5).stream().map(Article::id).toList();

        assertThat(related).first().isEqualTo(otherHeroin.id());
        assertThat(related).doesNotContain(heroin.id(), copy.id());
        if (related.contains(unrelated.id())) {
            assertThat(related.indexOf(otherHeroin.id())).isLessThan(related.indexOf(unrelated.id()));
        }
    }

    @Test
    void fieldsAddedToTheMappingReachAnIndexCreatedBefore() throws Exception {
        String alias = "old-articles-" + UUID.randomUUID().toString().substring(0, 8);
        client.indices().create(c -> c.index(alias + "-v1").aliases(alias, a -> a.isWriteIndex(true))
                .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                        .properties("id", p -> p.keyword(k -> k))));
        ArticleIndex old = new ArticleIndex(client, alias);
        old.ensureExists();
        var mapping = client.indices().getMapping(g -> g.index(alias)).result().get(alias + "-v1").mappings();
        assertThat(mapping.properties()).containsKeys("duplicate_of", "minhash_bands", "title");
    }

    private static Article labelled(String url, Instant published, List<String> topics) {
        Article plain = Article.builder("Test", "T " + url, "Body").url(url).publishedAt(published).build();
        return new Article(plain.id(), plain.title(), plain.body(), plain.url(), plain.canonicalUrl(), plain.source(),
                null, published, null, null, "en", java.util.Map.of(), topics, List.of(), plain.contentHash(), null, null);
    }

    @Test
    void invalidSyntaxIsReportedEvenWhenTheDateRangeHoldsNoArticle() {
        assertThatThrownBy(() -> index.search(new ArticleQuery("border AND (security", null,
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z"), 0, 10)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("the query ends too early");
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
        assertThat(seen).extracting(v -> v.article().id()).doesNotHaveDuplicates().hasSize(23);

        // someone changes article 0 after we read it: our rewrite of it must not win
        VersionedArticle first = seen.getFirst();
        index.index(List.of(first.article()));
        VersionedArticle second = seen.get(1);
        Instant indexedAt = second.article().indexedAt();
        BulkReport report = index.replaceIfUnchanged(List.of(
                first.withArticle(first.article()), second.withArticle(second.article())));

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
        return Article.builder("Test", title, body).url(url).publishedAt(Instant.parse("2022-10-18T09:00:00Z")).build();
    }
}
