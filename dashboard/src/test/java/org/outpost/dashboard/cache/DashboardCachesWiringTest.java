package org.outpost.dashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.ArticleQuery;
import org.outpost.dashboard.OutpostAppTest;
import org.outpost.dashboard.article.ArticleService;
import org.outpost.dashboard.overview.OverviewService;
import org.outpost.dashboard.overview.Period;
import org.outpost.dashboard.topic.TopicService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages' services ask their aggregations through the caches: in the shared test app, which keeps no answers
 * ({@code OutpostApp}), every request is counted as a miss of its kind, so the meters show which kinds a page
 * load goes through.
 */
class DashboardCachesWiringTest extends OutpostAppTest {

    @Autowired
    OverviewService overview;

    @Autowired
    TopicService topics;

    @Autowired
    ArticleService articles;

    @Autowired
    MeterRegistry meters;

    @Test
    void theOverview_countsItsTrendsTopicCountsAndTopsThroughTheCaches() {
        Map<String, Long> before = misses();

        overview.load(Period.of("90d", null, null, ZoneId.of("UTC"), Instant.now()), null, ZoneId.of("UTC"));

        Map<String, Long> after = misses();
        assertThat(after.get("trends") - before.get("trends")).isEqualTo(1);
        assertThat(after.get("topic-counts") - before.get("topic-counts"))
                .isEqualTo(2); // the period and the one before
        assertThat(after.get("tops") - before.get("tops")).isEqualTo(2); // entities and sources
    }

    @Test
    void theTopicPage_countsItsEmergingTermsAndTopsThroughTheCaches() {
        Map<String, Long> before = misses();

        topics.load("border_security", Period.of("30d", null, null, ZoneId.of("UTC"), Instant.now()), ZoneId.of("UTC"));

        Map<String, Long> after = misses();
        assertThat(after.get("emerging-terms") - before.get("emerging-terms")).isEqualTo(1);
        assertThat(after.get("tops") - before.get("tops")).isEqualTo(2);
        assertThat(after.get("trends") - before.get("trends")).isEqualTo(1);
    }

    @Test
    void explore_countsItsSourcesListAndFacetsThroughTheCaches() {
        Map<String, Long> before = misses();

        articles.sources(200);
        articles.facets(new ArticleQuery("border", null, null, null, 0, 1), 15);

        Map<String, Long> after = misses();
        assertThat(after.get("sources") - before.get("sources")).isEqualTo(1);
        assertThat(after.get("facets") - before.get("facets")).isEqualTo(1);
    }

    private Map<String, Long> misses() {
        Map<String, Long> out = new java.util.HashMap<>();
        for (String kind : java.util.List.of("sources", "tops", "trends", "topic-counts", "emerging-terms", "facets")) {
            var counter = meters.find("outpost.dashboard.cache.gets")
                    .tag("kind", kind)
                    .tag("result", "miss")
                    .counter();
            out.put(kind, counter == null ? 0L : (long) counter.count());
        }
        return out;
    }
}
