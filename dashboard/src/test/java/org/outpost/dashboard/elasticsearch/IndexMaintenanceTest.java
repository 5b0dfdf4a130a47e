package org.outpost.dashboard.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.IndexRetention;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;

class IndexMaintenanceTest extends OutpostAppTest {

    @Autowired
    IndexMaintenance maintenance;

    @Autowired
    ArticleIndex index;

    @Test
    void theDailyRunKeepsEverythingByDefaultAndLeavesTheCurrentMonthWritable() throws Exception {
        long before = index.count();

        IndexRetention.Outcome outcome = maintenance.run(Instant.now());

        assertThat(outcome).isNotNull();
        assertThat(outcome.dropped()).isEmpty();
        assertThat(outcome.frozen()).isEmpty();
        assertThat(index.count()).isEqualTo(before);
        assertThat(TestElasticsearch.connection()
                        .client()
                        .indices()
                        .exists(e -> e.index(index.currentIndexName()))
                        .value())
                .isTrue();
    }
}
