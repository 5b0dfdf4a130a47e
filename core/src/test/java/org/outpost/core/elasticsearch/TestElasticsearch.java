package org.outpost.core.elasticsearch;

import java.io.IOException;
import java.nio.file.Path;
import org.outpost.core.index.ArticleJson;

/**
 * The one Elasticsearch node a test JVM shares among its integration tests, started on first
 * use with the same launcher the application uses, and stopped when the JVM exits.
 */
public final class TestElasticsearch {

    private static LocalElasticsearchNode node;
    private static ElasticsearchConnection connection;

    private TestElasticsearch() {}

    public static synchronized LocalElasticsearchNode node() {
        if (node == null) {
            // one node folder per checkout: test runs of two checkouts on one machine must not
            // stop each other's node (the launcher clears leftovers holding its data folder)
            Path checkout =
                    Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
            Path root = Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "outpost-test-elasticsearch-"
                            + Integer.toHexString(checkout.toString().hashCode()));
            try {
                // fresh data every run; the unpacked distribution is kept
                NodeFolders.deleteRecursively(root.resolve("data"));
            } catch (IOException e) {
                throw new IllegalStateException("Could not clear " + root.resolve("data"), e);
            }
            node = LocalElasticsearchNode.start(LocalNodeSettings.of(distribution(), root));
        }
        return node;
    }

    public static synchronized ElasticsearchConnection connection() {
        if (connection == null) {
            connection =
                    ElasticsearchConnection.open(node().httpUri().toString(), null, null, null, ArticleJson.mapper());
        }
        return connection;
    }

    public static Path distribution() {
        return DistributionLocator.locate(System.getProperty("outpost.elasticsearch.embedded.distribution"));
    }
}
