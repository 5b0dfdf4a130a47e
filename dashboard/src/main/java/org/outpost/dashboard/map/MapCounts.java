package org.outpost.dashboard.map;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.TermCount;
import org.outpost.dashboard.cache.CachedAggregations;
import org.springframework.stereotype.Service;

/**
 * How many articles name each country, region and place: a terms aggregation on the entities field, through the
 * dashboard's shared caches (the Overview's and topic page's period as a {@code tops} count, Explore's search as
 * its facet count), so a second reader of the same page costs the index nothing.
 */
@Service
public class MapCounts {

    /**
     * Entity values counted: more than the bundled gazetteer holds (658 entries), so every country, region and
     * place named in the period is counted, not only those among the most named entities of every type.
     */
    static final int COUNTED = 1000;

    private final CachedAggregations aggregations;

    MapCounts(CachedAggregations aggregations) {
        this.aggregations = aggregations;
    }

    /** Articles dated in [from, to), of the topic when one is given. */
    public Map<String, Long> period(Instant from, Instant to, @Nullable String topic) {
        return geographic(aggregations.top("entities", from, to, topic, COUNTED));
    }

    /** Articles matching Explore's search and filters (its page, size and order do not matter). */
    public Map<String, Long> search(ArticleQuery query) {
        return geographic(aggregations.facets(query, COUNTED).entities());
    }

    /** The counts of countries, regions and places, typed entity to articles, most named first. */
    static Map<String, Long> geographic(List<TermCount> entities) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TermCount t : entities) {
            if (MapData.geographic(t.term())) {
                counts.put(t.term(), t.count());
            }
        }
        return counts;
    }
}
