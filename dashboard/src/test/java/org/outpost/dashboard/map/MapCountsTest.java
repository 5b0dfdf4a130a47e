package org.outpost.dashboard.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.index.ArticleQuery;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The map's counts come from the index through the dashboard's caches, and hold only what the map can draw. */
class MapCountsTest extends OutpostAppTest {

    @Autowired
    MapCounts maps;

    @Autowired
    MeterRegistry meters;

    @Test
    void aPeriodIsCountedAsATopsAggregationOfItsCountriesRegionsAndPlaces() {
        long before = misses("tops");

        // the sample corpus's scraped pages all name Dushanbe, its briefs Khorog, Panj and Vorukh, at their own dates
        // (2015-2026)
        Map<String, Long> counts = maps.period(Instant.parse("2010-01-01T00:00:00Z"), Instant.now(), null);

        assertThat(misses("tops") - before).as("through the shared cache").isEqualTo(1);
        assertThat(counts).containsKey("place:Dushanbe");
        assertThat(counts.get("place:Dushanbe")).isPositive();
        assertThat(counts).containsKeys("place:Khorog", "place:Panj", "place:Vorukh", "region:Batken");
        assertThat(counts.keySet()).allMatch(MapData::geographic);
    }

    @Test
    void exploresSearchIsCountedAsItsFacetCount() {
        long before = misses("facets");

        Map<String, Long> counts = maps.search(new ArticleQuery("Dushanbe", null, null, null, 0, 25));

        assertThat(misses("facets") - before).as("through the shared cache").isEqualTo(1);
        assertThat(counts.get("place:Dushanbe")).isPositive();
        assertThat(counts.keySet()).allMatch(MapData::geographic);
    }

    private long misses(String kind) {
        var counter = meters.find("outpost.dashboard.cache.gets")
                .tag("kind", kind)
                .tag("result", "miss")
                .counter();
        return counter == null ? 0L : (long) counter.count();
    }
}
