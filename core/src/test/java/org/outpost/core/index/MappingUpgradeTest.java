package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.core.index.PartitionedArticleIndexTest.article;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class MappingUpgradeTest {

    /** Version 1's mapping with one field more, as a real upgrade would add. */
    private static final MappingVersion V2 = new MappingVersion(2, "article-index-test-v2.json");

    private final ElasticsearchClient client = TestElasticsearch.connection().client();
    private final String alias =
            "upgraded-articles-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

    @Test
    void copiesEveryArticleIntoTheNewVersionWhileSearchesReadTheOldThenSwitchesTheAliasAtOnce() throws Exception {
        ArticleIndex v1 = new ArticleIndex(client, alias);
        v1.ensureExists();
        List<Article> stored = List.of(
                article("one", "2026-08-14T10:00:00Z"),
                article("two", "2026-09-14T10:00:00Z"),
                article("three", "2026-10-14T10:00:00Z"));
        v1.index(stored);
        v1.refresh();

        // an instance of the new build starts: it builds version 2 beside version 1
        ArticleIndex v2 = new ArticleIndex(client, alias, IndexSettings.DEFAULTS, V2);
        v2.ensureExists();
        MappingUpgrade upgrade = new MappingUpgrade(v2);
        assertThat(upgrade.pending()).isTrue();
        assertThat(upgrade.servingVersion()).isEqualTo(1);
        assertThat(upgrade.targetVersion()).hasValue(2);
        Instant started = Instant.now().minusSeconds(60);

        Article duringCopy = article("during", "2026-09-20T10:00:00Z");
        Article byAnOldInstance = article("old-instance", "2026-10-20T10:00:00Z");
        ArticleSearch search = new ArticleSearch(client, alias);
        List<Long> totalsDuringCopy = new ArrayList<>();
        // what re-scoring does: read every article, write it back; each accepted write is copied to version 2
        v2.forEachBatch(2, batch -> {
            if (totalsDuringCopy.isEmpty()) {
                v2.index(List.of(duringCopy));
                v2.refresh();
            }
            totalsDuringCopy.add(search.search(ArticleQuery.all(20)).total());
            v2.replaceIfUnchanged(batch);
        });

        // searches read version 1 alone during the copy: each article once
        assertThat(totalsDuringCopy).allSatisfy(total -> assertThat(total).isEqualTo(4));
        // an instance still on the old build writes version 1 only: the catch-up copies it
        v1.index(List.of(byAnOldInstance));
        v1.refresh();
        v2.refresh();
        assertThat(client.count(c -> c.index(alias + "-v2-*").query(q -> q.ids(i -> i.values(byAnOldInstance.id()))))
                        .count())
                .isZero();
        assertThat(upgrade.catchUp(started)).isGreaterThanOrEqualTo(1);
        upgrade.switchOver();
        v2.refresh();

        assertThat(client.indices().getAlias(a -> a.name(alias)).result().keySet())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith(alias + "-v2-"));
        List<String> everyId = new ArrayList<>(stored.stream().map(Article::id).toList());
        everyId.add(duringCopy.id());
        everyId.add(byAnOldInstance.id());
        assertThat(v2.getAll(everyId)).containsOnlyKeys(everyId);
        assertThat(v2.count()).isEqualTo(5);
        assertThat(search.search(ArticleQuery.all(20)).total()).isEqualTo(5);
        var mapping = client.indices()
                .getMapping(m -> m.index(alias + "-v2-2026.09"))
                .result()
                .get(alias + "-v2-2026.09")
                .mappings();
        assertThat(mapping.properties()).containsKey("upgrade_marker");
        assertThat(upgrade.pending()).isFalse();

        // written after the switch: version 2 only, and searchable
        Article after = article("after", "2026-11-02T10:00:00Z");
        v2.index(List.of(after));
        v2.refresh();
        assertThat(search.search(ArticleQuery.all(20)).total()).isEqualTo(6);

        assertThat(upgrade.dropOldVersions())
                .containsExactlyInAnyOrder(
                        alias + "-v1-2026.08",
                        alias + "-v1-2026.09",
                        alias + "-v1-2026.10",
                        v1.layout(1).indexFor(Instant.now()));
        assertThat(client.indices()
                        .existsIndexTemplate(t -> t.name(alias + "-v1"))
                        .value())
                .isFalse();
        assertThat(client.indices()
                        .existsIndexTemplate(t -> t.name(alias + "-v2"))
                        .value())
                .isTrue();
        assertThat(v2.count()).isEqualTo(6);
    }

    @Test
    void aDeploymentWithTheSingleIndexOfEarlierBuildsIsMovedIntoMonths() throws Exception {
        try (var mapping = ArticleIndex.class.getResourceAsStream("article-index-v1.json")) {
            client.indices()
                    .create(c -> c.index(alias + "-v1").withJson(mapping).aliases(alias, a -> a.isWriteIndex(true)));
        }
        Article old = article("legacy", "2026-08-14T10:00:00Z");
        client.index(i -> i.index(alias)
                .id(old.id())
                .document(IndexedArticle.of(old))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));

        ArticleIndex v2 = new ArticleIndex(client, alias, IndexSettings.DEFAULTS, V2);
        v2.ensureExists();
        Article fresh = article("fresh", "2026-09-14T10:00:00Z");
        v2.index(List.of(fresh)); // no version-1 template: goes to the single index, and to version 2
        v2.forEachBatch(10, v2::replaceIfUnchanged);
        MappingUpgrade upgrade = new MappingUpgrade(v2);
        upgrade.switchOver();
        v2.refresh();

        assertThat(v2.getAll(List.of(old.id(), fresh.id()))).containsOnlyKeys(old.id(), fresh.id());
        assertThat(v2.count()).isEqualTo(2);
        assertThat(upgrade.dropOldVersions()).containsExactly(alias + "-v1");
        assertThat(client.indices().exists(e -> e.index(alias + "-v1")).value()).isFalse();
        assertThat(client.indices().getAlias(a -> a.name(alias)).result())
                .containsKeys(alias + "-v2-2026.08", alias + "-v2-2026.09");
    }
}
