package org.outpost.crawler.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleFingerprint;
import org.outpost.core.index.CopyCandidates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides which new articles copy an earlier one, so a story reprinted by ten outlets is one
 * group whose members point at its first article. The one place that knows where earlier
 * articles are: the index ({@link CopyCandidates}, one request per batch), and the articles
 * decided moments ago that the index cannot show yet ({@link RecentArticles}).
 *
 * <p>Independent of timing: the decisions of a batch and its entry into the recent articles
 * happen under one lock, before the batch is written. Two sites' batches holding one story at
 * the same moment therefore meet here whatever the order of their writes, and a later article
 * of a batch sees the earlier ones. Articles the index then refuses are withdrawn ({@link
 * Decisions#close}). An index lookup runs outside the lock; what was decided after it started
 * stays in the recent articles until the index surely shows it (see {@link #SEARCHABLE_AFTER}).
 * After a restart the recent articles are empty and the index, by then refreshed, holds them.
 */
@Component
final class CopyRecognition {

    /** Enough candidates per article for a story reprinted many times: the oldest come first. */
    private static final int CANDIDATES = 20;
    /**
     * How long after a write its articles are surely searchable: the index's refresh interval
     * (one second) with room for a refresh delayed by a busy node.
     */
    static final Duration SEARCHABLE_AFTER = Duration.ofSeconds(10);

    private static final int RECENT = 2_000;

    private final CopyCandidates index;
    private final RecentArticles recent;
    private final LongSupplier nanoTime;
    private final long searchableAfter;
    /** Start times of the index lookups not yet decided, with their number: what they cannot see must stay. */
    private final TreeMap<Long, Integer> lookups = new TreeMap<>();

    @Autowired
    CopyRecognition(CopyCandidates index) {
        this(index, RECENT, SEARCHABLE_AFTER, System::nanoTime);
    }

    CopyRecognition(CopyCandidates index, int recent, Duration searchableAfter, LongSupplier nanoTime) {
        this.index = index;
        this.recent = new RecentArticles(recent);
        this.nanoTime = nanoTime;
        this.searchableAfter = searchableAfter.toNanos();
    }

    /**
     * Decides the copy group of each of these new articles (none stored under its id yet), in
     * order, and remembers them as being written. The caller writes them with the originals
     * decided, tells which the index accepted, and closes the decisions.
     *
     * @throws org.outpost.core.index.IndexUnavailableException when the index cannot be asked;
     *     nothing is remembered then
     */
    Decisions recognise(List<Article> articles) {
        if (articles.isEmpty()) {
            return new Decisions(Map.of());
        }
        long started = lookupStarted();
        try {
            List<List<ArticleFingerprint>> stored = index.of(articles, CANDIDATES);
            synchronized (this) {
                Map<String, @Nullable String> originals = new HashMap<>();
                for (int i = 0; i < articles.size(); i++) {
                    Article article = articles.get(i);
                    String original = originalOf(article, stored.get(i));
                    originals.put(article.id(), original);
                    recent.register(article.withDuplicateOf(original));
                }
                return new Decisions(originals);
            }
        } finally {
            lookupDone(started);
        }
    }

    private @Nullable String originalOf(Article article, List<ArticleFingerprint> stored) {
        String root = recent.originalOf(article)
                .map(ArticleFingerprint::root)
                .or(() -> stored.stream()
                        .filter(s -> s.isCopiedBy(article))
                        .findFirst()
                        .map(ArticleFingerprint::root))
                .orElse(null);
        // an article written after its own copy (it waited in the durable queue, say) is that copy's original
        return article.id().equals(root) ? null : root;
    }

    private synchronized long lookupStarted() {
        long now = nanoTime.getAsLong();
        lookups.merge(now, 1, Integer::sum);
        return now;
    }

    private synchronized void lookupDone(long started) {
        lookups.computeIfPresent(started, (k, n) -> n == 1 ? null : n - 1);
        long now = nanoTime.getAsLong();
        long oldest = lookups.isEmpty() ? now : Math.min(now, lookups.firstKey());
        recent.evict(oldest - searchableAfter);
    }

    private synchronized void indexed(Collection<Article> articles) {
        long now = nanoTime.getAsLong();
        articles.forEach(a -> recent.indexed(a, now));
    }

    private synchronized void withdraw(Collection<String> ids) {
        ids.forEach(recent::withdraw);
    }

    synchronized int remembered() {
        return recent.size();
    }

    /**
     * The copy groups decided for one batch. Close it once the batch is written (or failed):
     * articles not reported {@link #indexed} by then are forgotten as originals.
     */
    final class Decisions implements AutoCloseable {

        private final Map<String, @Nullable String> originals;
        private final Set<String> unconfirmed;

        private Decisions(Map<String, @Nullable String> originals) {
            this.originals = originals;
            this.unconfirmed = new HashSet<>(originals.keySet());
        }

        /** The id of the original this article copies, or null when it is one. */
        @Nullable
        String originalOf(Article article) {
            return originals.get(article.id());
        }

        /**
         * The articles of this write the index accepted (with their copy group set). An updated
         * article, which was not decided here, may be among them: it is remembered as well.
         */
        void indexed(Collection<Article> accepted) {
            CopyRecognition.this.indexed(accepted);
            accepted.forEach(a -> unconfirmed.remove(a.id()));
        }

        @Override
        public void close() {
            if (!unconfirmed.isEmpty()) {
                withdraw(new ArrayList<>(unconfirmed));
                unconfirmed.clear();
            }
        }
    }
}
