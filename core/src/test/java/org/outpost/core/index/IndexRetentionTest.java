package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.core.index.PartitionedArticleIndexTest.month;
import static org.outpost.core.index.PartitionedArticleIndexTest.monthsAgo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class IndexRetentionTest {

    private final ElasticsearchClient client = TestElasticsearch.connection().client();
    private final String alias =
            "kept-articles-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final ArticleIndex index = new ArticleIndex(client, alias);
    private final IndexRetention retention = new IndexRetention(index);

    @Test
    void dropsTheMonthsPastRetentionFreezesTheClosedOnesAndTheRestStaySearchable() throws Exception {
        index.ensureExists();
        ZonedDateTime three = monthsAgo(3);
        ZonedDateTime two = monthsAgo(2);
        ZonedDateTime one = monthsAgo(1);
        Article oldest = article("oldest", three);
        Article older = article("older", two);
        Article recent = article("recent", one);
        Article today = article("today", Instant.now().atZone(java.time.ZoneOffset.UTC));
        index.index(List.of(oldest, older, recent, today));
        index.refresh();
        assertThat(index.count()).isEqualTo(4);

        IndexRetention.Outcome outcome = retention.apply(Period.ofMonths(2), Period.ZERO, Instant.now());

        assertThat(outcome.dropped()).containsExactly(alias + "-v1-" + month(three));
        assertThat(outcome.frozen())
                .containsExactlyInAnyOrder(alias + "-v1-" + month(two), alias + "-v1-" + month(one));
        index.refresh();
        assertThat(index.count()).isEqualTo(3);
        assertThat(new ArticleSearch(client, alias).search(ArticleQuery.all(10)).items())
                .extracting(h -> h.article().id())
                .containsExactlyInAnyOrder(older.id(), recent.id(), today.id());
        assertThat(new ArticleStats(client, alias)
                        .topicCounts(
                                three.toInstant().minus(java.time.Duration.ofDays(40)),
                                Instant.now().plusSeconds(60))
                        .get(""))
                .isEqualTo(3);
        assertThat(writeBlocked(alias + "-v1-" + month(two))).isTrue();
        assertThat(writeBlocked(index.currentIndexName())).isFalse();

        // idempotent: a second run (another instance) changes nothing
        IndexRetention.Outcome again = retention.apply(Period.ofMonths(2), Period.ZERO, Instant.now());
        assertThat(again.dropped()).isEmpty();
        assertThat(again.frozen()).isEmpty();
    }

    @Test
    void anArticleCrawledAgainInAFrozenMonthIsStoredThereAndTheMonthIsFrozenAgainLater() throws Exception {
        index.ensureExists();
        ZonedDateTime two = monthsAgo(2);
        Article article = article("recrawled", two);
        index.index(List.of(article));
        index.refresh();
        retention.apply(null, Period.ZERO, Instant.now());
        String frozen = alias + "-v1-" + month(two);
        assertThat(writeBlocked(frozen)).isTrue();

        Article changed = Article.builder("Test", "Updated title", "Body of recrawled")
                .url(article.url())
                .publishedAt(article.publishedAt())
                .build();
        BulkReport report = index.index(List.of(changed));
        index.refresh();

        assertThat(report.allOk()).isTrue();
        assertThat(index.count()).isEqualTo(1);
        assertThat(index.get(article.id()).orElseThrow().title()).isEqualTo("Updated title");
        assertThat(writeBlocked(frozen)).isFalse();
        assertThat(retention.apply(null, Period.ZERO, Instant.now()).frozen()).containsExactly(frozen);
        assertThat(writeBlocked(frozen)).isTrue();
    }

    @Test
    void keepsEverythingWithoutRetentionAndNeverDropsTheCurrentMonth() throws Exception {
        index.ensureExists();
        Article today = article("today", Instant.now().atZone(java.time.ZoneOffset.UTC));
        index.index(List.of(today, article("ancient", monthsAgo(30))));
        index.refresh();

        assertThat(retention.apply(null, null, Instant.now()).dropped()).isEmpty();
        assertThat(retention.apply(Period.ofDays(0), null, Instant.now()).dropped())
                .containsExactly(alias + "-v1-" + month(monthsAgo(30)));
        index.refresh();
        assertThat(index.count()).isEqualTo(1);
        assertThat(client.indices().existsAlias(a -> a.name(alias)).value()).isTrue();
    }

    private boolean writeBlocked(String name) throws Exception {
        var state = client.indices().getSettings(g -> g.index(name)).result().get(name);
        return IndexRetention.writeBlocked(state.settings());
    }

    private static Article article(String name, ZonedDateTime published) {
        return Article.builder("Test", "Title " + name, "Body of " + name)
                .url("https://news.example/" + name)
                .publishedAt(published.toInstant())
                .build();
    }
}
