package org.outpost.benchmarks.macro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.outpost.benchmarks.app.Folders;
import org.outpost.core.elasticsearch.DistributionLocator;
import org.outpost.core.elasticsearch.ElasticsearchConnection;
import org.outpost.core.elasticsearch.LocalElasticsearchNode;
import org.outpost.core.elasticsearch.LocalNodeSettings;
import org.outpost.core.index.ArticleJson;

/**
 * The Elasticsearch node a benchmark measures against: the app's own launcher and distribution,
 * fresh data each run, under {@code OUTPOST_BENCH_DIR} (default {@code /tmp/outpost-bench}).
 */
public final class BenchNode implements AutoCloseable {

    public final LocalElasticsearchNode node;
    public final ElasticsearchConnection connection;

    public BenchNode(String heap) {
        this(heap, false);
    }

    /** {@code keepData}: start on the data of the previous run (a benchmark that reuses a large index it loaded before). */
    public BenchNode(String heap, boolean keepData) {
        Path root = Path.of(System.getenv().getOrDefault("OUTPOST_BENCH_DIR", "/tmp/outpost-bench"), "elasticsearch");
        try {
            Path data = root.resolve("data");
            if (!keepData) {
                Folders.deleteTree(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node = LocalElasticsearchNode.start(LocalNodeSettings.of(DistributionLocator.locate(null), root)
                .withHeap(heap)
                // a shared, loaded machine can take minutes where a quiet one takes 30 s
                .withStartTimeout(java.time.Duration.ofMinutes(10)));
        connection = ElasticsearchConnection.open(node.httpUri().toString(), null, null, null, ArticleJson.mapper());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the node goes next anyway
        }
        node.close();
    }
}
