package org.outpost.core.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.io.IOException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to the periods of the serving version as they age: a period that ended longer ago than the retention is
 * dropped whole (one index delete, no delete-by-query), and one that ended longer ago than the force-merge delay is
 * frozen in place: its writes blocked ({@code index.blocks.write}), then merged to one segment. Elasticsearch skips
 * the shards of read-only indices whose dates cannot match a query before searching them, and a merged period costs
 * less memory and disk. Every step is idempotent, so instances sharing a cluster may all run it.
 *
 * <p>The current period is never dropped (the read alias would vanish with its last index), nor the single index of
 * earlier builds, which spans every date: a mapping upgrade moves its articles into periods.
 */
public final class IndexRetention {

    private static final Logger log = LoggerFactory.getLogger(IndexRetention.class);

    /** The periods dropped and frozen by one run. */
    public record Outcome(List<String> dropped, List<String> frozen) {}

    private final ArticleIndex articles;

    public IndexRetention(ArticleIndex articles) {
        this.articles = articles;
    }

    /**
     * @param retention how long a period is kept after it ended; null keeps everything
     * @param forceMergeAfter how long after it ended a period is frozen; null never freezes
     * @throws IndexUnavailableException when Elasticsearch does not answer
     */
    public Outcome apply(@Nullable Period retention, @Nullable Period forceMergeAfter, Instant now) {
        List<String> dropped = new ArrayList<>();
        List<String> frozen = new ArrayList<>();
        try {
            ArticleIndex.Versions versions = articles.readVersions();
            IndexLayout serving = articles.layout(versions.serving());
            String current = serving.indexFor(now);
            Map<String, co.elastic.clients.elasticsearch.indices.IndexState> states = articles.client()
                    .indices()
                    .getSettings(g -> g.index(serving.pattern()).allowNoIndices(true))
                    .result();
            for (var entry : states.entrySet()) {
                String index = entry.getKey();
                Optional<Instant> end = serving.periodEnd(index);
                if (end.isEmpty() || index.equals(current)) {
                    continue;
                }
                if (retention != null && !end.get().isAfter(minus(now, retention))) {
                    articles.client().indices().delete(d -> d.index(index).ignoreUnavailable(true));
                    articles.templates().forget(index);
                    articles.locations().dropped(index);
                    dropped.add(index);
                } else if (forceMergeAfter != null
                        && !end.get().isAfter(minus(now, forceMergeAfter))
                        && !writeBlocked(entry.getValue().settings())) {
                    freeze(index);
                    frozen.add(index);
                }
            }
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.unavailable("apply the index retention", e);
        }
        if (!dropped.isEmpty() || !frozen.isEmpty()) {
            log.info("Index retention: dropped {}, froze {}", dropped, frozen);
        }
        return new Outcome(dropped, frozen);
    }

    /** Blocks writes first (a merge racing a write would leave two segments), then merges without waiting. */
    private void freeze(String index) throws IOException {
        articles.client().indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(true))));
        articles.client()
                .indices()
                .forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(false));
    }

    static boolean writeBlocked(@Nullable IndexSettings settings) {
        if (settings == null) {
            return false;
        }
        IndexSettings nested = settings.index();
        var blocks = settings.blocks() != null ? settings.blocks() : nested == null ? null : nested.blocks();
        return blocks != null && Boolean.TRUE.equals(blocks.write());
    }

    private static Instant minus(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }
}
