package org.outpost.dashboard.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.elasticsearch.indices.stats.IndicesStats;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the cluster says about itself and the article index, for the System page. Lives here so
 * the connection stays private to this package.
 */
@Component
public class ClusterStatus {

    /** Health of the cluster, the indices behind the alias and their size; sizes are null when it has none. */
    public record Snapshot(
            String clusterName,
            String status,
            int nodes,
            String url,
            boolean embedded,
            List<String> indices,
            @Nullable Long documents,
            @Nullable Long sizeInBytes) {}

    private final ElasticsearchConfiguration.ElasticsearchCluster cluster;
    private final ElasticsearchProperties properties;

    ClusterStatus(ElasticsearchConfiguration.ElasticsearchCluster cluster, ElasticsearchProperties properties) {
        this.cluster = cluster;
        this.properties = properties;
    }

    /** @throws IOException or an Elasticsearch exception when the cluster does not answer */
    public Snapshot read() throws IOException {
        ElasticsearchClient client = cluster.connection().client();
        HealthResponse health = client.cluster().health();
        IndicesStatsResponse stats = client.indices().stats(s -> s.index(properties.indexAlias()));
        IndicesStats all = stats.all();
        Long documents = null;
        Long size = null;
        // primaries: replicas would count every document and byte twice on a larger cluster
        if (all != null && all.primaries() != null) {
            var primaries = all.primaries();
            documents = primaries.docs() == null ? null : primaries.docs().count();
            size = primaries.store() == null ? null : primaries.store().sizeInBytes();
        }
        return new Snapshot(
                health.clusterName(),
                health.status().jsonValue(),
                health.numberOfNodes(),
                cluster.connection().uri().toString(),
                cluster.localNode() != null,
                List.copyOf(new TreeSet<>(stats.indices().keySet())),
                documents,
                size);
    }
}
