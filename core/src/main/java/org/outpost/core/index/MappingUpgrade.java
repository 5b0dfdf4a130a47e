package org.outpost.core.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the articles to a newer mapping version without a wipe. From the moment an instance finds the read alias
 * serving an older version than its bundled one, its {@link ArticleIndex} writes every article to both versions (the
 * new one through its template, without the read alias). The stored articles are then copied by a job that rewrites
 * them all (re-scoring: each article it writes back is copied on the way), articles written meanwhile by instances that
 * did not write to both are caught up ({@link #catchUp}), and the read alias moves to the new version in one
 * {@code _aliases} request ({@link #switchOver}): searches and alerts read the old version until then. The old
 * version's indices and template are dropped later ({@link #dropOldVersions}), once every instance has noticed the
 * switch (they check every half minute).
 */
public final class MappingUpgrade {

    private static final Logger log = LoggerFactory.getLogger(MappingUpgrade.class);
    private static final int BATCH = 500;

    private final ArticleIndex articles;

    public MappingUpgrade(ArticleIndex articles) {
        this.articles = articles;
    }

    /** Whether the read alias serves an older version than this build's. */
    public boolean pending() {
        return targetVersion().isPresent();
    }

    public int servingVersion() {
        return read().serving();
    }

    public OptionalInt targetVersion() {
        Integer target = read().target();
        return target == null ? OptionalInt.empty() : OptionalInt.of(target);
    }

    /**
     * Copies the articles indexed since then from the serving version to the new one (an instance that did not write
     * to both, or a write that failed halfway); an article already there in a newer version is left as it is.
     *
     * @return how many were copied
     */
    public long catchUp(Instant since) {
        ArticleIndex.Versions v = read();
        if (v.target() == null) {
            return 0;
        }
        IndexLayout target = articles.layout(v.target());
        try {
            // the sequence numbers read must be the latest: an older one is refused by the copy as stale
            articles.client().indices().refresh(r -> r.index(articles.alias()));
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.unavailable("refresh the article index", e);
        }
        Query recent =
                Query.of(q -> q.range(r -> r.untyped(u -> u.field("indexed_at").gte(JsonData.of(since.toString())))));
        AtomicLong copied = new AtomicLong();
        articles.forEachBatch(BATCH, recent, batch -> {
            try {
                copied.addAndGet(articles.copyTo(target, batch));
            } catch (IOException e) {
                throw AliasedIndex.unavailable("copy articles to mapping version " + target.version(), e);
            }
        });
        log.info("Caught up {} articles indexed since {} into mapping version {}", copied.get(), since, v.target());
        return copied.get();
    }

    /**
     * Moves the read alias from the serving version's indices to the new version's in one atomic request, then
     * gives the new version's template the read alias, so its future periods join it.
     */
    public void switchOver() {
        try {
            ArticleIndex.Versions v = articles.readVersions();
            if (v.target() == null) {
                return;
            }
            IndexLayout to = articles.layout(v.target());
            articles.client().indices().refresh(r -> r.index(to.pattern()).allowNoIndices(true));
            articles.templates().ensureIndex(to.indexFor(Instant.now()));
            List<String> behind = articles.indicesBehindAlias();
            articles.client().indices().updateAliases(u -> {
                for (String index : behind) {
                    u.actions(a -> a.remove(r -> r.index(index).alias(articles.alias())));
                }
                return u.actions(a -> a.add(add -> add.index(to.pattern()).alias(articles.alias())));
            });
            articles.templates().put(to, articles.mapping(), true);
            // a period created between the two requests missed both: it joins now
            articles.client()
                    .indices()
                    .updateAliases(u ->
                            u.actions(a -> a.add(add -> add.index(to.pattern()).alias(articles.alias()))));
            articles.setVersions(new ArticleIndex.Versions(to.version(), null, true));
            log.info(
                    "Alias {} now reads mapping version {} (was {}: {})",
                    articles.alias(),
                    to.version(),
                    v.serving(),
                    behind);
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.unavailable("switch the article alias to the new mapping version", e);
        }
    }

    /**
     * Deletes the indices and templates of versions older than the serving one, none of which the read alias spans.
     *
     * @return the indices deleted
     */
    public List<String> dropOldVersions() {
        try {
            ArticleIndex.Versions v = articles.readVersions();
            List<String> behind = articles.indicesBehindAlias();
            var all = articles.client()
                    .indices()
                    .getAlias(a -> a.index(articles.alias() + "-v*").allowNoIndices(true))
                    .result()
                    .keySet();
            List<String> dropped = new ArrayList<>();
            TreeSet<Integer> versions = new TreeSet<>();
            for (String index : new TreeSet<>(all)) {
                OptionalInt version = IndexLayout.versionOf(articles.alias(), index);
                if (version.isPresent() && version.getAsInt() < v.serving() && !behind.contains(index)) {
                    articles.client().indices().delete(d -> d.index(index).ignoreUnavailable(true));
                    articles.templates().forget(index);
                    articles.locations().dropped(index);
                    dropped.add(index);
                    versions.add(version.getAsInt());
                }
            }
            for (int old = 1; old < v.serving(); old++) {
                articles.templates().delete(articles.layout(old));
            }
            if (!dropped.isEmpty()) {
                log.info("Dropped the indices of older mapping versions {}: {}", versions, dropped);
            }
            return dropped;
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.unavailable("drop old mapping versions", e);
        }
    }

    private ArticleIndex.Versions read() {
        try {
            ArticleIndex.Versions v = articles.readVersions();
            articles.setVersions(v);
            return v;
        } catch (ElasticsearchException | IOException e) {
            throw AliasedIndex.unavailable("read the article index's versions", e);
        }
    }
}
