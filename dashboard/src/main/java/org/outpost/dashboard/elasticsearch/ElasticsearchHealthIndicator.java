package org.outpost.dashboard.elasticsearch;

import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports the article cluster's health; red, or no answer, is DOWN. */
@Component("elasticsearch")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchConfiguration.ElasticsearchCluster cluster;

    ElasticsearchHealthIndicator(ElasticsearchConfiguration.ElasticsearchCluster cluster) {
        super("Elasticsearch health check failed");
        this.cluster = cluster;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = cluster.connection().client().cluster().health();
        builder.status(health.status() == HealthStatus.Red ? "DOWN" : "UP")
                .withDetail("cluster", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes())
                .withDetail("url", cluster.connection().uri().toString())
                .withDetail("embedded", cluster.localNode() != null);
    }
}
