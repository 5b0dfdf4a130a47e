package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class PartitionedArticleIndexTest {

    private final ElasticsearchClient client = TestElasticsearch.connection().client();
    private String alias;
    private ArticleIndex index;

    @BeforeEach
    void freshAlias() {
        alias = "part-articles-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        index = new ArticleIndex(client, alias);
    }

    @Test
    void articlesLandInTheIndexOfTheirMonthAndAreReadTogetherThroughTheAlias() throws Exception {
        index.ensureExists();
        Article august = article("aug", "2026-08-14T10:00:00Z");
        Article september = article("sep", "2026-09-02T10:00:00Z");
        Article october = article("oct", "2026-10-31T23:59:00Z");

        BulkReport report = index.index(List.of(august, september, october));
        index.refresh();

        assertThat(report.allOk()).isTrue();
        assertThat(locations(august.id(), september.id(), october.id()))
                .containsExactly(alias + "-v1-2026.08", alias + "-v1-2026.09", alias + "-v1-2026.10");
        assertThat(client.indices().getAlias(a -> a.name(alias)).result())
                .containsKeys(alias + "-v1-2026.08", alias + "-v1-2026.09", alias + "-v1-2026.10");
        assertThat(index.count()).isEqualTo(3);
        assertThat(new ArticleSearch(client, alias).search(ArticleQuery.all(10)).total())
                .isEqualTo(3);
        assertThat(new ArticleStats(client, alias)
                        .topicCounts(Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"))
                        .get(""))
                .isEqualTo(3);
        assertThat(index.get(september.id())).map(Article::title).contains(september.title());
        assertThat(index.getAll(List.of(august.id(), october.id(), "missing")))
                .containsOnlyKeys(august.id(), october.id());
        assertThat(index.fingerprints(List.of(october.id()))).containsOnlyKeys(october.id());
    }

    @Test
    void anArticleWrittenAgainWithAnotherDateStaysInTheIndexItIsIn() throws Exception {
        index.ensureExists();
        Article first = article("moved", "2026-08-14T10:00:00Z");
        index.index(List.of(first));
        // before any refresh: what a search cannot see yet, this instance remembers
        index.index(List.of(withDate(first, "2026-10-01T10:00:00Z")));
        index.refresh();
        index.index(List.of(withDate(first, "2026-09-01T10:00:00Z")));
        index.refresh();

        assertThat(index.count()).isEqualTo(1);
        assertThat(locations(first.id())).containsExactly(alias + "-v1-2026.08");
        assertThat(index.get(first.id()).orElseThrow().publishedAt()).isEqualTo(Instant.parse("2026-09-01T10:00:00Z"));

        // another instance, which never wrote it, finds it too
        ArticleIndex other = new ArticleIndex(client, alias);
        other.index(List.of(withDate(first, "2026-11-01T10:00:00Z")));
        other.refresh();
        assertThat(index.count()).isEqualTo(1);
        assertThat(locations(first.id())).containsExactly(alias + "-v1-2026.08");
    }

    @Test
    void anArticleReadBeforeTheRefreshIsFoundByTheInstanceThatWroteIt() {
        index.ensureExists();
        Article article = article("fresh", "2026-08-14T10:00:00Z");
        index.index(List.of(article));

        assertThat(index.get(article.id())).isPresent();
        assertThat(index.fingerprints(List.of(article.id()))).containsOnlyKeys(article.id());
    }

    @Test
    void anArticleDatedInTheFutureOrNotDatedGoesToTheCurrentMonth() throws Exception {
        index.ensureExists();
        Article future = article("future", "2099-01-01T00:00:00Z");
        Article undated = Article.builder("Test", "Undated", "No date stated")
                .url("https://news.example/undated")
                .build();
        index.index(List.of(future, undated));
        index.refresh();

        assertThat(locations(future.id(), undated.id()))
                .containsOnly(index.currentIndexName())
                .hasSize(2);
    }

    @Test
    void rewritingEveryArticleWritesEachBackToItsMonthAndStillRefusesAStaleVersion() throws Exception {
        index.ensureExists();
        Article a = article("a", "2026-08-14T10:00:00Z");
        Article b = article("b", "2026-09-14T10:00:00Z");
        index.index(List.of(a, b));
        index.refresh();
        List<VersionedArticle> read = new ArrayList<>();
        index.forEachBatch(10, read::addAll);
        assertThat(read)
                .extracting(v -> v.article().id() + "@" + v.index())
                .containsExactlyInAnyOrder(a.id() + "@" + alias + "-v1-2026.08", b.id() + "@" + alias + "-v1-2026.09");

        index.index(List.of(read.getFirst().article())); // changed after it was read
        BulkReport report = index.replaceIfUnchanged(read);
        index.refresh();

        assertThat(report.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(409));
        assertThat(report.items()).filteredOn(BulkReport.Item::ok).hasSize(1);
        assertThat(index.count()).isEqualTo(2);
        assertThat(locations(a.id(), b.id())).containsExactly(alias + "-v1-2026.08", alias + "-v1-2026.09");
    }

    @Test
    void theSingleIndexOfEarlierBuildsStaysReadAndWrittenInPlaceWhileNewArticlesGoToMonths() throws Exception {
        // a deployment from before partitions: <alias>-v1 with the alias as its write index
        try (InputStream mapping = ArticleIndex.class.getResourceAsStream("article-index-v1.json")) {
            client.indices()
                    .create(c -> c.index(alias + "-v1").withJson(mapping).aliases(alias, a -> a.isWriteIndex(true)));
        }
        Article old = article("old", "2026-08-14T10:00:00Z");
        client.index(i -> i.index(alias)
                .id(old.id())
                .document(IndexedArticle.of(old))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));

        index.ensureExists();
        Article fresh = article("fresh", "2026-09-14T10:00:00Z");
        index.index(List.of(withDate(old, "2026-10-01T00:00:00Z"), fresh));
        index.refresh();

        assertThat(index.count()).isEqualTo(2);
        assertThat(locations(old.id(), fresh.id())).containsExactly(alias + "-v1", alias + "-v1-2026.09");
        assertThat(new ArticleSearch(client, alias).search(ArticleQuery.all(10)).total())
                .isEqualTo(2);
    }

    /** The index holding each id, in the order given. */
    private List<String> locations(String... ids) throws Exception {
        var hits = client.search(
                        s -> s.index(alias).size(ids.length).query(q -> q.ids(i -> i.values(List.of(ids)))), Void.class)
                .hits()
                .hits();
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            hits.stream().filter(h -> id.equals(h.id())).forEach(h -> out.add(h.index()));
        }
        return out;
    }

    static Article article(String name, String published) {
        return Article.builder("Test", "Title " + name, "Body of " + name)
                .url("https://news.example/" + name)
                .publishedAt(Instant.parse(published))
                .build();
    }

    static Article withDate(Article article, String published) {
        return Article.builder("Test", article.title(), article.body())
                .url(article.url())
                .publishedAt(Instant.parse(published))
                .build();
    }

    static String month(ZonedDateTime when) {
        return String.format(Locale.ROOT, "%04d.%02d", when.getYear(), when.getMonthValue());
    }

    static ZonedDateTime monthsAgo(int months) {
        return Instant.now().atZone(ZoneOffset.UTC).withDayOfMonth(10).minusMonths(months);
    }
}
