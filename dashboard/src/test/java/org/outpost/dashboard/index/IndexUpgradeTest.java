package org.outpost.dashboard.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.dashboard.ApiClient.json;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.IndexSettings;
import org.outpost.core.index.MappingUpgrade;
import org.outpost.core.index.MappingVersion;
import org.outpost.dashboard.ApiClient;
import org.outpost.dashboard.OutpostAppTest;
import org.outpost.dashboard.classify.RescoreServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class IndexUpgradeTest extends OutpostAppTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    ArticleIndex appIndex;

    @Autowired
    org.springframework.context.ApplicationContext app;

    @Test
    void theAppsIndexServesThisBuildsVersionAndAdminsSeeTheUpgradeStatus() throws Exception {
        var status = json(ApiClient.admin(port).get("/api/v1/admin/index/upgrade"));

        assertThat(status.path("state").asText()).isEqualTo("CURRENT");
        assertThat(status.path("servingVersion").asInt()).isEqualTo(MappingVersion.CURRENT.number());
        assertThat(appIndex.currentIndexName()).startsWith(appIndex.alias() + "-v1-");
        assertThat(ApiClient.anonymous(port).get("/api/v1/admin/index/upgrade").statusCode())
                .isIn(401, 403);
    }

    @Test
    void aNewerMappingIsFilledByReScoringAndTheAliasSwitchesWhenTheCopyIsDone() throws Exception {
        ElasticsearchClient client = TestElasticsearch.connection().client();
        String alias =
                "app-upgrade-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        ArticleIndex v1 = new ArticleIndex(client, alias);
        v1.ensureExists();
        List<Article> stored = List.of(article("one", "2026-08-14T10:00:00Z"), article("two", "2026-10-14T10:00:00Z"));
        v1.index(stored);
        v1.refresh();
        ArticleIndex v2 = new ArticleIndex(
                client, alias, IndexSettings.DEFAULTS, new MappingVersion(2, "article-index-test-v2.json"));
        v2.ensureExists();
        IndexUpgradeService service =
                new IndexUpgradeService(new MappingUpgrade(v2), RescoreServices.over(v2, app), Duration.ofMillis(50));
        try {
            assertThat(service.startIfNeeded()).isTrue();
            assertThat(service.status().state())
                    .isIn(IndexUpgradeStatus.State.COPYING, IndexUpgradeStatus.State.SWITCHED);

            // generous: only the order of events matters, the machine may be slow
            Instant deadline = Instant.now().plusSeconds(120);
            while (service.status().state() == IndexUpgradeStatus.State.COPYING
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }

            IndexUpgradeStatus done = service.status();
            assertThat(done.state()).isEqualTo(IndexUpgradeStatus.State.SWITCHED);
            assertThat(done.servingVersion()).isEqualTo(2);
            assertThat(done.copy()).isNotNull();
            assertThat(done.copy().processed()).isEqualTo(2);
            assertThat(client.indices().getAlias(a -> a.name(alias)).result().keySet())
                    .allSatisfy(name -> assertThat(name).startsWith(alias + "-v2-"));
            v2.refresh();
            assertThat(v2.getAll(stored.stream().map(Article::id).toList())).hasSize(2);
            assertThat(service.startIfNeeded()).isFalse();
        } finally {
            service.stop();
        }
    }

    private static Article article(String name, String published) {
        return Article.builder("Test", "Heroin seized " + name, "Border guards seized heroin, " + name)
                .url("https://upgrade.example/" + name)
                .publishedAt(Instant.parse(published))
                .build();
    }
}
