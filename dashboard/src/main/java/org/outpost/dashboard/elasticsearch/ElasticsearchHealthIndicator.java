package org.outpost.dashboard.elasticsearch;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reports the article cluster's health; red, or no answer, is DOWN. No answer is expected while
 * the cluster restarts, so it is one line in the log rather than the framework's stack trace per
 * probe (178 probes during an outage drill made 27,000 of 28,666 log lines).
 */
@Component("elasticsearch")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchHealthIndicator.class);

    private final ElasticsearchConfiguration.ElasticsearchCluster cluster;

    ElasticsearchHealthIndicator(ElasticsearchConfiguration.ElasticsearchCluster cluster) {
        super("Elasticsearch health check failed");
        this.cluster = cluster;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health;
        try {
            health = cluster.connection().client().cluster().health();
        } catch (IOException e) {
            log.warn(
                    "Elasticsearch at {} does not answer: {}",
                    cluster.connection().uri(),
                    e.toString());
            builder.down()
                    .withDetail("url", cluster.connection().uri().toString())
                    .withDetail("error", e.toString());
            return;
        }
        builder.status(health.status() == HealthStatus.Red ? "DOWN" : "UP")
                .withDetail("cluster", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes())
                .withDetail("url", cluster.connection().uri().toString())
                .withDetail("embedded", cluster.localNode() != null);
    }
}
