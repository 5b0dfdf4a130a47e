package org.outpost.crawler.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.core.article.Article;
import org.outpost.core.article.MinHash;
import org.outpost.core.index.ArticleFingerprint;

/**
 * The articles this instance indexed last. The index finds copies only after its refresh
 * (a second by default), and a wire story often arrives from two outlets within that second:
 * these are checked first. Looked up like the index does it, by content hash and MinHash band,
 * so a lookup costs a few map reads, not a scan. Bounded; thread-safe.
 */
final class RecentArticles {

    private record Entry(long order, ArticleFingerprint fingerprint, List<String> bands) {
    }

    private final int capacity;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private long added;

    RecentArticles(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Article article) {
        Entry entry = new Entry(added++, ArticleFingerprint.of(article), MinHash.bands(article.minhash()));
        recent.addLast(entry);
        keys(entry.fingerprint().contentHash(), entry.bands()).forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(entry));
        while (recent.size() > capacity) {
            Entry old = recent.removeFirst();
            for (String k : keys(old.fingerprint().contentHash(), old.bands())) {
                List<Entry> list = byKey.get(k);
                if (list != null) {
                    list.remove(old);
                    if (list.isEmpty()) {
                        byKey.remove(k);
                    }
                }
            }
        }
    }

    /** The earliest recent article this one copies, if any. */
    synchronized Optional<ArticleFingerprint> originalOf(Article article) {
        return keys(article.contentHash(), MinHash.bands(article.minhash())).stream()
                .flatMap(k -> byKey.getOrDefault(k, List.of()).stream())
                .filter(e -> e.fingerprint().isCopiedBy(article))
                .min(Comparator.comparingLong(Entry::order))
                .map(Entry::fingerprint);
    }

    private static List<String> keys(String contentHash, List<String> bands) {
        List<String> keys = new ArrayList<>(bands.size() + 1);
        keys.add("hash:" + contentHash);
        keys.addAll(bands);
        return keys;
    }
}
