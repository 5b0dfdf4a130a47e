package org.outpost.dashboard.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.elasticsearch.ElasticsearchConnection;
import org.outpost.core.elasticsearch.LocalElasticsearchNode;
import org.outpost.core.elasticsearch.LocalNodeSettings;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleJson;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class LocalNodeEarlyLaunchTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void letTheNodeUserEnterTheTempDir() throws Exception {
        // JUnit makes temp dirs private; the node's unprivileged user must be able to enter it
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void withAClusterConfiguredNothingIsLaunched() {
        MockEnvironment environment = settingsFor(tmp.resolve("data"))
                .withProperty("outpost.elasticsearch.url", "http://es.example.org:9200");

        assertThat(LocalNodeEarlyLaunch.launch(environment)).isNull();
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void theContextTakesOverTheNodeLaunchedForItsSettingsWhichAnswersOnceAwaited() throws Exception {
        Path data = tmp.resolve("data");
        MockEnvironment environment = settingsFor(data);
        LaunchedLocalNode launched = LocalNodeEarlyLaunch.launch(environment);
        assertThat(launched).isNotNull();

        LocalElasticsearchNode node = launched.takeOver(contextSettings(environment, data));
        assertThat(node).isNotNull();
        try (ElasticsearchConnection es =
                ElasticsearchConnection.open(node.httpUri().toString(), null, null, null, ArticleJson.mapper())) {
            node.awaitReady();
            assertThat(es.client().cluster().health().clusterName()).isEqualTo("outpost-local");
        } finally {
            node.close();
        }
        assertThat(nodeProcessesUsing(data)).isEmpty();
    }

    @Test
    void aNodeLaunchedForOtherSettingsIsStoppedInsteadOfHandedOver() {
        Path data = tmp.resolve("data");
        MockEnvironment environment = settingsFor(data);
        LaunchedLocalNode launched = LocalNodeEarlyLaunch.launch(environment);
        assertThat(launched).isNotNull();

        assertThat(launched.takeOver(contextSettings(environment, tmp.resolve("elsewhere"))))
                .isNull();
        assertThat(nodeProcessesUsing(data)).isEmpty();
    }

    private static MockEnvironment settingsFor(Path data) {
        return new MockEnvironment()
                .withProperty("outpost.data-dir", data.toString())
                .withProperty(
                        "outpost.elasticsearch.embedded.distribution",
                        TestElasticsearch.distribution().toString());
    }

    /** What {@link ElasticsearchConfiguration} asks for, from the same settings bound the context's way. */
    private static LocalNodeSettings contextSettings(MockEnvironment environment, Path data) {
        ElasticsearchProperties properties =
                Binder.get(environment).bindOrCreate("outpost.elasticsearch", ElasticsearchProperties.class);
        return ElasticsearchConfiguration.localNodeSettings(properties, data);
    }

    private static List<ProcessHandle> nodeProcessesUsing(Path data) {
        String marker = data.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
    }
}
