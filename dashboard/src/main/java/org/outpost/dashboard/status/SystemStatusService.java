package org.outpost.dashboard.status;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleStats;
import org.outpost.crawler.IngestStatus;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.SourceStatus;
import org.outpost.dashboard.elasticsearch.ClusterStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Gathers {@link SystemStatus}; every source is asked separately, and a failure becomes a message. */
@Service
public class SystemStatusService {

    private static final Logger log = LoggerFactory.getLogger(SystemStatusService.class);

    private final ClusterStatus cluster;
    private final ArticleIndex index;
    private final ArticleStats stats;
    private final IngestStatus ingest;
    private final SourceService sources;

    SystemStatusService(
            ClusterStatus cluster, ArticleIndex index, ArticleStats stats, IngestStatus ingest, SourceService sources) {
        this.cluster = cluster;
        this.index = index;
        this.stats = stats;
        this.ingest = ingest;
        this.sources = sources;
    }

    public SystemStatus read() {
        ClusterStatus.Snapshot snapshot = null;
        String clusterError = null;
        try {
            snapshot = cluster.read();
        } catch (Exception e) {
            log.warn("Elasticsearch did not answer the status page", e);
            clusterError = describe(e);
        }
        String indexName = null;
        SystemStatus.Articles articles = null;
        String articlesError = null;
        try {
            indexName = index.currentIndexName();
            articles = new SystemStatus.Articles(index.count(), stats.countOriginals());
        } catch (RuntimeException e) {
            articlesError = describe(e);
        }
        Long depth = null;
        try {
            depth = ingest.queueDepth();
        } catch (RuntimeException e) {
            log.warn("Could not read the ingest queue depth", e);
        }
        List<SourceStatus> list = List.of();
        try {
            list = sources.list();
        } catch (RuntimeException e) {
            log.warn("Could not list sources for the status page", e);
        }
        return new SystemStatus(
                Instant.now(), index.alias(), indexName, snapshot, clusterError, articles, articlesError, depth, list);
    }

    private static String describe(Exception e) {
        @Nullable String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        int newline = text.indexOf('\n');
        return newline > 0 ? text.substring(0, newline) : text;
    }
}
