package org.outpost.dashboard.elasticsearch;

import java.io.IOException;
import java.nio.file.Path;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects to the configured cluster, or starts a local node under the data folder when none is configured. The local
 * node boots while the context is built: it is awaited (and the article index made sure of) once every bean exists,
 * before the web server or any scheduled work starts, so nothing reaches Elasticsearch before it is ready.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean
    ElasticsearchCluster elasticsearchCluster(
            ElasticsearchProperties properties,
            OutpostProperties outpost,
            ObjectProvider<LaunchedLocalNode> launchedEarly) {
        if (properties.external()) {
            return new ElasticsearchCluster(null, open(properties.url(), properties));
        }
        LocalNodeSettings settings = localNodeSettings(properties, outpost.dataDir());
        LaunchedLocalNode early = launchedEarly.getIfAvailable();
        LocalElasticsearchNode node = early == null ? null : early.takeOver(settings);
        if (node == null) {
            node = LocalElasticsearchNode.launch(settings);
        }
        return new ElasticsearchCluster(node, open(node.httpUri().toString(), properties));
    }

    static LocalNodeSettings localNodeSettings(ElasticsearchProperties properties, Path dataDir) {
        ElasticsearchProperties.Embedded embedded = properties.embedded();
        return new LocalNodeSettings(
                DistributionLocator.locate(embedded.distribution()),
                dataDir.resolve("elasticsearch"),
                embedded.httpPort(),
                embedded.heap(),
                embedded.startTimeout(),
                embedded.runAsUser());
    }

    @Bean
    ArticleIndex articleIndex(ElasticsearchCluster cluster, ElasticsearchProperties properties) {
        return new ArticleIndex(
                cluster.connection().client(),
                properties.indexAlias(),
                properties.index().settings(),
                MappingVersion.CURRENT);
    }

    /**
     * Runs after every singleton is built and before any lifecycle starts (web server, Quartz, workers): the only
     * place the start waits for the local node, so the node boots while the rest of the context is built.
     */
    @Bean
    SmartInitializingSingleton articleIndexReadiness(ElasticsearchCluster cluster, ArticleIndex index) {
        return () -> {
            cluster.awaitReady();
            index.ensureExists();
        };
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

        /** Returns once the local node reports health; at once for an external cluster. */
        void awaitReady() {
            if (localNode != null) {
                localNode.awaitReady();
            }
        }

        @Override
        public void destroy() throws IOException {
            connection.close();
            if (localNode != null) {
                localNode.close();
            }
        }
    }
}
