package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outpost.core.article.Article;
import org.outpost.core.article.MinHash;
import org.outpost.core.index.ArticleIndex;

/**
 * Finds the original an article copies: an indexed article (or one earlier in the same batch)
 * with the same content hash, or a MinHash signature near enough. Copies of copies point at
 * the first original, so a story reprinted ten times is one group.
 */
final class CopyFinder {

    private static final int CANDIDATES = 20;

    private final ArticleIndex index;
    private final List<Article> batch = new ArrayList<>();

    CopyFinder(ArticleIndex index) {
        this.index = index;
    }

    /** The id of the original this article copies, if any; remembers the article for the rest of the batch. */
    Optional<String> originalOf(Article article) {
        Optional<String> original = inBatch(article).or(() -> inIndex(article));
        batch.add(original.map(article::withDuplicateOf).orElse(article));
        return original;
    }

    private Optional<String> inBatch(Article article) {
        return batch.stream().filter(other -> !other.id().equals(article.id()) && isCopy(article, other))
                .findFirst().map(CopyFinder::root);
    }

    private Optional<String> inIndex(Article article) {
        return index.copyCandidates(article.contentHash(), article.minhash(), CANDIDATES).stream()
                .filter(other -> !other.id().equals(article.id()) && isCopy(article, other))
                .findFirst().map(CopyFinder::root);
    }

    private static boolean isCopy(Article article, Article other) {
        return other.contentHash().equals(article.contentHash()) || MinHash.near(article.minhash(), other.minhash());
    }

    private static String root(Article original) {
        return original.duplicateOf() != null ? original.duplicateOf() : original.id();
    }
}
