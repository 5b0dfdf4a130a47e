package org.outpost.core.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.ArticleJson;

/**
 * The cluster URL as the compose stack's scale-out profile gives it: every node, comma-separated
 * ({@code OUTPOST_ELASTICSEARCH_URL=http://es1:9200,http://es2:9200,http://es3:9200}).
 */
class ElasticsearchConnectionTest {

    @Test
    void aListOfNodesKeepsAnsweringWhenOneOfThemIsDown() throws IOException {
        String down = "http://127.0.0.1:" + closedPort();
        String up = TestElasticsearch.node().httpUri().toString();

        try (ElasticsearchConnection connection =
                ElasticsearchConnection.open(down + ", " + up, null, null, null, ArticleJson.mapper())) {
            // requests go round the nodes; each that meets the dead node is retried on the live one
            for (int i = 0; i < 6; i++) {
                assertThat(connection.client().cluster().health().status()).isNotEqualTo(HealthStatus.Red);
            }
            assertThat(connection.uri().toString()).isEqualTo(down);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
