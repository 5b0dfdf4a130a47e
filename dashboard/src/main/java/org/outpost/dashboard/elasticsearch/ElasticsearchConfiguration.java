package org.outpost.dashboard.elasticsearch;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.outpost.core.elasticsearch.DistributionLocator;
import org.outpost.core.elasticsearch.ElasticsearchConnection;
import org.outpost.core.elasticsearch.LocalElasticsearchNode;
import org.outpost.core.elasticsearch.LocalNodeSettings;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleJson;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.ArticleStories;
import org.outpost.core.index.CopyCandidates;
import org.outpost.core.index.IndexRetention;
import org.outpost.core.index.MappingUpgrade;
import org.outpost.core.index.MappingVersion;
import org.outpost.dashboard.OutpostProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects to the configured cluster, or starts a local node under the data folder when none is configured. */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean
    ElasticsearchCluster elasticsearchCluster(ElasticsearchProperties properties, OutpostProperties outpost) {
        if (properties.external()) {
            return new ElasticsearchCluster(null, open(properties.url(), properties));
        }
        ElasticsearchProperties.Embedded embedded = properties.embedded();
        LocalNodeSettings settings = new LocalNodeSettings(
                DistributionLocator.locate(embedded.distribution()),
                outpost.dataDir().resolve("elasticsearch"),
                embedded.httpPort(),
                embedded.heap(),
                embedded.startTimeout(),
                embedded.runAsUser());
        LocalElasticsearchNode node = LocalElasticsearchNode.start(settings);
        return new ElasticsearchCluster(node, open(node.httpUri().toString(), properties));
    }

    @Bean
    ArticleIndex articleIndex(ElasticsearchCluster cluster, ElasticsearchProperties properties) {
        ArticleIndex index = new ArticleIndex(
                cluster.connection().client(),
                properties.indexAlias(),
                properties.index().settings(),
                MappingVersion.CURRENT);
        index.ensureExists();
        return index;
    }

    @Bean
    IndexRetention indexRetention(ArticleIndex index) {
        return new IndexRetention(index);
    }

    @Bean
    MappingUpgrade mappingUpgrade(ArticleIndex index) {
        return new MappingUpgrade(index);
    }

    @Bean
    ArticleSearch articleSearch(ElasticsearchCluster cluster, ElasticsearchProperties properties) {
        return new ArticleSearch(cluster.connection().client(), properties.indexAlias(), properties.searchTimeout());
    }

    @Bean
    ArticleStories articleStories(ElasticsearchCluster cluster, ElasticsearchProperties properties) {
        return new ArticleStories(cluster.connection().client(), properties.indexAlias(), properties.searchTimeout());
    }

    @Bean
    CopyCandidates copyCandidates(ElasticsearchCluster cluster, ElasticsearchProperties properties) {
        return new CopyCandidates(cluster.connection().client(), properties.indexAlias());
    }

    @Bean
    ArticleStats articleStats(ElasticsearchCluster cluster, ElasticsearchProperties properties) {
        return new ArticleStats(cluster.connection().client(), properties.indexAlias(), properties.searchTimeout());
    }

    private static ElasticsearchConnection open(String url, ElasticsearchProperties properties) {
        return ElasticsearchConnection.open(
                url, properties.username(), properties.password(), properties.apiKey(), ArticleJson.mapper());
    }

    /** The connection, and the local node behind it when we started one; closing stops the node. */
    record ElasticsearchCluster(@Nullable LocalElasticsearchNode localNode, ElasticsearchConnection connection)
            implements DisposableBean {

        @Override
        public void destroy() throws IOException {
            connection.close();
            if (localNode != null) {
                localNode.close();
            }
        }
    }
}
