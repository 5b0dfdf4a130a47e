package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.core.article.Article;
import org.outpost.core.article.MinHash;
import org.outpost.core.index.ArticleFingerprint;

/**
 * The articles this instance decided on last, including those still on their way to the index:
 * the index finds an article only after its refresh (a second by default), and a wire story
 * often arrives from two outlets within that second. Looked up like the index does it, by
 * content hash and MinHash band, so a lookup costs a few map reads, not a scan.
 *
 * <p>An article is kept while it is pending (decided, not yet known to be indexed) and, once
 * indexed, until every index lookup that could have missed it is decided: see {@link #evict}.
 * Not thread-safe: {@link CopyRecognition} guards it with its lock.
 */
final class RecentArticles {

    private static final class Entry {
        final long order;
        final ArticleFingerprint fingerprint;
        final List<String> keys;
        /** {@link System#nanoTime()} when the index accepted it; pending until then. */
        long indexedAt;

        boolean indexed;

        Entry(long order, ArticleFingerprint fingerprint, List<String> keys) {
            this.order = order;
            this.fingerprint = fingerprint;
            this.keys = keys;
        }
    }

    private final int capacity;
    /** By id, oldest registration first. */
    private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>();

    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private long registered;

    /** @param capacity how many indexed articles are kept at least, however old */
    RecentArticles(int capacity) {
        this.capacity = capacity;
    }

    /** The earliest article here that this one copies, if any. */
    Optional<ArticleFingerprint> originalOf(Article article) {
        Entry first = null;
        for (String key : keys(article.contentHash(), MinHash.bands(article.minhash()))) {
            for (Entry e : byKey.getOrDefault(key, List.of())) {
                if ((first == null || e.order < first.order) && e.fingerprint.isCopiedBy(article)) {
                    first = e;
                }
            }
        }
        return Optional.ofNullable(first).map(e -> e.fingerprint);
    }

    /** Remembers an article about to be indexed (its copy group decided), pending until {@link #indexed}. */
    void register(Article article) {
        remove(article.id());
        Entry entry = new Entry(
                registered++,
                ArticleFingerprint.of(article),
                keys(article.contentHash(), MinHash.bands(article.minhash())));
        byId.put(article.id(), entry);
        entry.keys.forEach(
                k -> byKey.computeIfAbsent(k, x -> new ArrayList<>(2)).add(entry));
    }

    /** The index accepted this article: from now on it only has to be kept until the index shows it. */
    void indexed(Article article, long nanoTime) {
        Entry entry = byId.get(article.id());
        if (entry == null || !entry.fingerprint.contentHash().equals(article.contentHash())) {
            register(article); // one the caller did not register (an updated article): remembered as today
            entry = byId.get(article.id());
        }
        entry.indexed = true;
        entry.indexedAt = nanoTime;
    }

    /** Forgets a pending article the index did not take, so no later article is made its copy. */
    void withdraw(String id) {
        Entry entry = byId.get(id);
        if (entry != null && !entry.indexed) {
            remove(id);
        }
    }

    /**
     * Drops the oldest indexed articles beyond the capacity, but only those indexed before
     * {@code searchableBefore}: articles every index lookup still to be decided can see.
     */
    void evict(long searchableBefore) {
        Iterator<Entry> oldest = byId.values().iterator();
        while (byId.size() > capacity && oldest.hasNext()) {
            Entry e = oldest.next();
            if (!e.indexed) {
                continue; // pending: its batch is being written
            }
            if (e.indexedAt - searchableBefore >= 0) {
                break;
            }
            oldest.remove();
            unkey(e);
        }
    }

    int size() {
        return byId.size();
    }

    private void remove(String id) {
        Entry old = byId.remove(id);
        if (old != null) {
            unkey(old);
        }
    }

    private void unkey(Entry e) {
        for (String k : e.keys) {
            List<Entry> list = byKey.get(k);
            if (list != null) {
                list.remove(e);
                if (list.isEmpty()) {
                    byKey.remove(k);
                }
            }
        }
    }

    private static List<String> keys(String contentHash, List<String> bands) {
        List<String> keys = new ArrayList<>(bands.size() + 1);
        keys.add("hash:" + contentHash);
        keys.addAll(bands);
        return keys;
    }
}
