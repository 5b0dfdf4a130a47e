package org.outpost.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which concrete index holds each article, so a rewrite lands where the article is (never a second copy in another
 * period) and a rewrite with {@code if_seq_no} reaches the index the sequence number belongs to. Elasticsearch refuses
 * a get by id on an alias over several indices, so the lookup is an {@code ids} search; a search sees what the last
 * refresh made visible, so the indices this instance wrote to lately are remembered too (what a real-time get used to
 * give).
 */
final class IdLocations {

    /** Enough for the writes of several refresh intervals at the ingest benchmark's rate. */
    private static final int REMEMBERED = 20_000;
    /** Ids looked up per search: well under the index's result window (10,000). */
    private static final int PER_SEARCH = 1_000;

    private final ElasticsearchClient client;
    private final Map<String, String> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    IdLocations(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The index of each id found behind {@code indices} (an alias or a pattern), and of those written lately by this
     * instance to an index {@code owned} accepts; a mutable map.
     */
    Map<String, String> locate(String indices, Collection<String> ids, java.util.function.Predicate<String> owned)
            throws IOException {
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += PER_SEARCH) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + PER_SEARCH));
            var response = client.search(
                    s -> s.index(indices)
                            .allowNoIndices(true)
                            .ignoreUnavailable(true)
                            .size(chunk.size())
                            .source(c -> c.fetch(false))
                            .trackTotalHits(t -> t.enabled(false))
                            .query(q -> q.ids(i -> i.values(chunk))),
                    Void.class);
            for (Hit<Void> hit : response.hits().hits()) {
                if (hit.id() != null && hit.index() != null) {
                    found.put(hit.id(), hit.index());
                }
            }
        }
        synchronized (recent) {
            for (String id : distinct) {
                String index = recent.get(id);
                if (index != null && owned.test(index)) {
                    found.putIfAbsent(id, index);
                }
            }
        }
        return found;
    }

    void written(String id, String index) {
        synchronized (recent) {
            recent.put(id, index);
        }
    }

    /** The index this instance wrote the id to lately, if any. */
    @org.jspecify.annotations.Nullable
    String recentlyWritten(String id) {
        synchronized (recent) {
            return recent.get(id);
        }
    }

    /** Forgets what was written to an index that is gone. */
    void dropped(String index) {
        synchronized (recent) {
            recent.values().removeIf(index::equals);
        }
    }
}
