package org.outpost.dashboard.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.crawler.IngestStatus;
import org.outpost.crawler.SourceService;
import org.outpost.dashboard.elasticsearch.ClusterStatus;

/** The status page must still render when Elasticsearch is gone: that is when it is needed most. */
class SystemStatusServiceTest {

    @Test
    void aClusterThatDoesNotAnswerBecomesAMessageAndTheRestIsStillReported() throws IOException {
        ClusterStatus cluster = mock(ClusterStatus.class);
        ArticleIndex index = mock(ArticleIndex.class);
        ArticleStats stats = mock(ArticleStats.class);
        IngestStatus ingest = mock(IngestStatus.class);
        SourceService sources = mock(SourceService.class);
        when(cluster.read()).thenThrow(new ConnectException("Connection refused"));
        when(index.alias()).thenReturn("outpost-articles");
        when(index.currentIndexName()).thenReturn("outpost-articles-v1");
        when(index.count())
                .thenThrow(new IndexUnavailableException(
                        "Elasticsearch did not answer: count articles", new ConnectException("Connection refused")));
        when(ingest.queueDepth()).thenReturn(42L);
        when(sources.list()).thenReturn(List.of());

        SystemStatus status = new SystemStatusService(cluster, index, stats, ingest, sources).read();

        assertThat(status.cluster()).isNull();
        assertThat(status.clusterError()).isEqualTo("Connection refused");
        assertThat(status.articles()).isNull();
        assertThat(status.articlesError()).contains("did not answer");
        assertThat(status.queueDepth()).isEqualTo(42L);
        assertThat(status.indexAlias()).isEqualTo("outpost-articles");
    }
}
