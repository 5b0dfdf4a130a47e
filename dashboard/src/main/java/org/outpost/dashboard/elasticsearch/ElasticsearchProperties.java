package org.outpost.dashboard.elasticsearch;

import java.time.Duration;
import java.time.Period;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.IndexPartition;
import org.outpost.core.index.IndexSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the article index lives.
 *
 * @param url cluster to use; when empty the app starts a local node itself
 * @param apiKey encoded API key, instead of username and password
 * @param indexAlias the alias articles are read and written through
 * @param searchTimeout longest a dashboard search, count or chart may take before it is given up ("the search
 *     took too long"), so one heavy query cannot hold a page
 * @param index how the article indices are laid out on the cluster and how long they are kept
 */
@ConfigurationProperties("outpost.elasticsearch")
record ElasticsearchProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String apiKey,
        @DefaultValue("outpost-articles") String indexAlias,
        @DefaultValue Embedded embedded,
        @DefaultValue("5s") Duration searchTimeout,
        @DefaultValue Index index) {

    boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * The local node started when no URL is configured.
     *
     * @param httpPort 0 picks a free port on loopback
     * @param distribution path of the Elasticsearch zip; default: the one in the local Maven repository
     * @param runAsUser the unprivileged user the node runs as when the app runs as root
     */
    record Embedded(
            @DefaultValue("0") int httpPort,
            @DefaultValue("512m") String heap,
            @DefaultValue("nobody") String runAsUser,
            @Nullable String distribution,
            @DefaultValue("120s") Duration startTimeout) {}

    /**
     * The article indices: one per period of the articles' dates, created from an index template with these
     * settings; replicas and refresh interval are also applied to the existing indices at start.
     *
     * @param replicas 0 on a single node (the embedded one); 1 on a cluster of two nodes or more
     * @param retention periods that ended longer ago are deleted by the daily maintenance; none keeps everything
     * @param forceMergeAfter periods that ended longer ago are made read-only and merged to one segment; none never
     */
    record Index(
            @DefaultValue("1") int shards,
            @DefaultValue("0") int replicas,
            @DefaultValue("1s") Duration refreshInterval,
            @DefaultValue("month") IndexPartition partition,
            @Nullable Period retention,
            @Nullable Period forceMergeAfter) {

        IndexSettings settings() {
            return new IndexSettings(shards, replicas, refreshInterval, partition);
        }
    }
}
