package org.outpost.core.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleJson;

class LocalElasticsearchNodeTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void letTheNodeUserEnterTheTempDir() throws Exception {
        // JUnit makes temp dirs private; the node's unprivileged user must be able to enter it
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void keepsIndexedArticlesAcrossRestartsAndLeavesNoProcessBehind() throws Exception {
        Path root = tmp.resolve("es");
        LocalNodeSettings settings = LocalNodeSettings.of(TestElasticsearch.distribution(), root);
        Article article = Article.builder("Test source", "Border guards seize heroin", "Body text about a seizure.")
                .url("https://example.org/a/1")
                .build();

        try (LocalElasticsearchNode node = LocalElasticsearchNode.start(settings);
                ElasticsearchConnection es = connect(node)) {
            assertThat(node.isRunning()).isTrue();
            assertThat(node.httpUri().getHost()).isEqualTo("127.0.0.1");
            ArticleIndex index = new ArticleIndex(es.client());
            index.ensureExists();
            assertThat(index.index(List.of(article)).allOk()).isTrue();
            index.refresh();
        }
        assertThat(nodeProcessesUsing(root)).isEmpty();

        try (LocalElasticsearchNode again = LocalElasticsearchNode.start(settings);
                ElasticsearchConnection es = connect(again)) {
            ArticleIndex index = new ArticleIndex(es.client());
            index.ensureExists();
            assertThat(index.get(article.id())).map(Article::title).contains("Border guards seize heroin");
            assertThat(Files.readString(again.logFile())).contains("started");
        }
        assertThat(nodeProcessesUsing(root)).isEmpty();
    }

    @Test
    void failureMessageCarriesTheLastLinesOfTheNodeLog() throws Exception {
        Path bad = tmp.resolve("private").resolve("bad");
        Files.createDirectories(
                bad.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        LocalNodeSettings impossibleHeap = LocalNodeSettings.of(TestElasticsearch.distribution(), bad)
                .withHeap("1k")
                .withStartTimeout(Duration.ofSeconds(60));

        assertThatThrownBy(() -> LocalElasticsearchNode.start(impossibleHeap))
                .isInstanceOf(NodeStartException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("Last lines of")
                .hasMessageContaining("heap");
        assertThat(nodeProcessesUsing(bad)).isEmpty();
        if (isRoot()) {
            // the node's user cannot enter a private folder: its files went elsewhere, linked from here
            assertThat(Files.isSymbolicLink(bad)).isTrue();
            Path target = bad.toRealPath();
            assertThat(target).startsWith(NodeFolders.FALLBACK_PARENT);
            NodeFolders.deleteRecursively(target);
        }
    }

    private static boolean isRoot() throws Exception {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    @Test
    void rejectsNonsenseSettingsBeforeStartingAnything() {
        assertThatThrownBy(() -> LocalNodeSettings.of(tmp, tmp).withHeap("lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("512m");
        assertThatThrownBy(() -> LocalNodeSettings.of(tmp, tmp).withHttpPort(70000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingDistributionIsExplainedWithWhatToDo() {
        assertThatThrownBy(
                        () -> DistributionLocator.locate(tmp.resolve("nope.zip").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nope.zip")
                .hasMessageContaining("OUTPOST_ELASTICSEARCH_URL");
    }

    private static ElasticsearchConnection connect(LocalElasticsearchNode node) {
        return ElasticsearchConnection.open(node.httpUri().toString(), null, null, null, ArticleJson.mapper());
    }

    private static List<ProcessHandle> nodeProcessesUsing(Path root) {
        String marker = root.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }
}
