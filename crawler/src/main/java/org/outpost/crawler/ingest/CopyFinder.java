package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleFingerprint;
import org.outpost.core.index.ArticleIndex;

/**
 * Finds the original an article copies: one earlier in the same batch, one this instance
 * indexed moments ago (not yet searchable), or an indexed article with the same content hash or
 * a MinHash near enough. Copies of copies point at the first original, so a story reprinted ten
 * times is one group. The index is asked once per batch ({@link #prefetch}), for fingerprints
 * only: a lookup per article, with the articles' text, was most of the time a crawl spent.
 */
final class CopyFinder {

    private static final int CANDIDATES = 20;

    private final ArticleIndex index;
    private final RecentArticles recent;
    private final List<ArticleFingerprint> batch = new ArrayList<>();
    private final Map<String, List<ArticleFingerprint>> candidates = new HashMap<>();

    CopyFinder(ArticleIndex index, RecentArticles recent) {
        this.index = index;
        this.recent = recent;
    }

    /** Looks up the index candidates of all these articles in one request. */
    void prefetch(List<Article> articles) {
        List<List<ArticleFingerprint>> found = index.copyCandidates(articles, CANDIDATES);
        for (int i = 0; i < articles.size(); i++) {
            candidates.put(articles.get(i).id(), found.get(i));
        }
    }

    /** The id of the original this article copies, if any; remembers the article for the rest of the batch. */
    Optional<String> originalOf(Article article) {
        Optional<String> original = firstCopied(batch, article)
                .or(() -> recent.originalOf(article).map(ArticleFingerprint::root))
                .or(() -> firstCopied(candidates.containsKey(article.id()) ? candidates.get(article.id())
                        : index.copyCandidates(List.of(article), CANDIDATES).getFirst(), article));
        batch.add(ArticleFingerprint.of(original.map(article::withDuplicateOf).orElse(article)));
        return original;
    }

    private static Optional<String> firstCopied(List<ArticleFingerprint> others, Article article) {
        return others.stream().filter(other -> other.isCopiedBy(article)).findFirst().map(ArticleFingerprint::root);
    }
}
