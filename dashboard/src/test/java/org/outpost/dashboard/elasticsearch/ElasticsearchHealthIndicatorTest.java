package org.outpost.dashboard.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.outpost.core.elasticsearch.ElasticsearchConnection;
import org.outpost.core.index.ArticleJson;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A cluster that does not answer (restarting, killed) is DOWN with the reason, not an exception per probe. */
class ElasticsearchHealthIndicatorTest {

    @Test
    void aClusterThatDoesNotAnswerIsDownWithItsAddressAndTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        try (ElasticsearchConnection connection =
                ElasticsearchConnection.open(url, null, null, null, ArticleJson.mapper())) {
            var indicator = new ElasticsearchHealthIndicator(
                    new ElasticsearchConfiguration.ElasticsearchCluster(null, connection));

            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("url", url);
            assertThat(String.valueOf(health.getDetails().get("error"))).contains("Connect");
        }
    }
}
