package org.outpost.core.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.snapshot.SnapshotInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;

/**
 * The backup procedure of docs/deployment.md, run once on a real node: a file-system snapshot
 * repository under the node's {@code path.repo}, a snapshot of the article indices by pattern
 * (whatever indices stand behind the alias), the indices lost, and a restore that brings back the
 * articles and the alias they are read and written through.
 */
class SnapshotRestoreTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final String alias = "snapshot-articles-" + suffix;
    private final String repository = "backup-" + suffix;
    private final ElasticsearchClient client = TestElasticsearch.connection().client();
    private final Path location = TestElasticsearch.node().snapshotsDir().resolve(repository);

    @Test
    void articleIndicesComeBackWithTheirAliasFromAFileSystemSnapshot() throws IOException {
        ArticleIndex index = new ArticleIndex(client, alias);
        index.ensureExists();
        index.index(List.of(
                article("https://news.example/1", "Heroin seized at the Tajik-Afghan border"),
                article("https://news.example/2", "Border guards detain smugglers near Khorog"),
                article("https://news.example/3", "CSTO exercise in Kyrgyzstan")));
        index.refresh();
        Set<String> indices = indicesBehindAlias();
        assertThat(indices).isNotEmpty();

        client.snapshot()
                .createRepository(r -> r.name(repository)
                        .repository(repo -> repo.fs(fs -> fs.settings(s -> s.location(location.toString())))));
        SnapshotInfo taken = client.snapshot()
                .create(s -> s.repository(repository)
                        .snapshot("articles-1")
                        .indices(alias + "*")
                        .includeGlobalState(false)
                        .waitForCompletion(true))
                .snapshot();
        assertThat(taken).isNotNull();
        assertThat(taken.state()).isEqualTo("SUCCESS");
        assertThat(taken.indices()).containsExactlyInAnyOrderElementsOf(indices);
        try (Stream<Path> files = Files.list(location)) {
            assertThat(files).as("the snapshot is in the repository's folder").isNotEmpty();
        }

        // lost: action.destructive_requires_name forbids a wildcard, so by name, as an operator would
        client.indices().delete(d -> d.index(List.copyOf(indices)));
        assertThat(client.indices().existsAlias(a -> a.name(alias)).value()).isFalse();

        client.snapshot()
                .restore(r -> r.repository(repository)
                        .snapshot("articles-1")
                        .indices(alias + "*")
                        .includeAliases(true)
                        .includeGlobalState(false)
                        .waitForCompletion(true));

        assertThat(indicesBehindAlias()).isEqualTo(indices);
        assertThat(index.count()).isEqualTo(3);
        Article restored = index.get(article("https://news.example/2", "").id()).orElseThrow();
        assertThat(restored.title()).isEqualTo("Border guards detain smugglers near Khorog");
        // the alias is a write alias again: new articles go through it
        index.index(List.of(article("https://news.example/4", "Drug control agency reports a seizure")));
        index.refresh();
        assertThat(index.count()).isEqualTo(4);
    }

    @AfterEach
    void removeRepositoryAndIndices() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            List<String> left = List.copyOf(indicesBehindAlias());
            client.indices().delete(d -> d.index(left));
        }
        try {
            client.snapshot().deleteRepository(d -> d.name(repository));
        } catch (ElasticsearchException e) {
            // never registered: the test failed before
        }
        // unregistering leaves the files; the folder is this test's alone
        NodeFolders.deleteRecursively(location);
    }

    private Set<String> indicesBehindAlias() throws IOException {
        return client.indices().getAlias(a -> a.name(alias)).result().keySet();
    }

    private static Article article(String url, String title) {
        return Article.builder("Test", title, title + ". Reported by the agency.")
                .url(url)
                .publishedAt(Instant.parse("2026-11-18T09:00:00Z"))
                .build();
    }
}
