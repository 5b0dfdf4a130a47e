package org.outpost.dashboard.status;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.SourceStatus;
import org.outpost.dashboard.elasticsearch.ClusterStatus;

/**
 * One look at the whole system. Each part that could not be read carries why instead of its
 * figures, so one dead part does not blank the page.
 *
 * @param cluster null when Elasticsearch did not answer; see {@code clusterError}
 * @param articles null when the counts could not be read; see {@code articlesError}
 * @param queueDepth articles waiting for the index; null when the database did not answer
 */
public record SystemStatus(
        Instant at,
        String indexAlias,
        @Nullable String indexName,
        ClusterStatus.@Nullable Snapshot cluster,
        @Nullable String clusterError,
        @Nullable Articles articles,
        @Nullable String articlesError,
        @Nullable Long queueDepth,
        List<SourceStatus> sources) {

    /** Originals count each story once; copies are re-publications of a story already indexed. */
    public record Articles(long total, long originals) {
        public long copies() {
            return total - originals;
        }
    }
}
