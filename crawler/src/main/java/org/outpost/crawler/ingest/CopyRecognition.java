package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleFingerprint;
import org.outpost.core.index.ArticleIndex;

/**
 * The recognise-copies stage: tells, for each article of a batch, whether the index holds it
 * already (unchanged or changed), whether it copies another story, or whether it is new. The
 * copy lookup itself is {@link CopyFinder}'s; this class is the one place the pipeline calls it.
 */
final class CopyRecognition {

    /** An article as it is to be written: its copy group set, and what it is to the index. */
    record Recognised(Article article, IngestOutcome outcome) {
    }

    private final ArticleIndex index;
    /** Shared by all runs of this instance: copies within the index refresh interval are found here. */
    private final RecentArticles recent = new RecentArticles(2_000);

    CopyRecognition(ArticleIndex index) {
        this.index = index;
    }

    /**
     * @return one {@link Recognised} per article, in order: {@code UNCHANGED}, {@code UPDATED},
     *     {@code DUPLICATE} or {@code NEW}
     * @throws org.outpost.core.index.IndexUnavailableException when Elasticsearch cannot be asked
     */
    List<Recognised> recognise(List<Article> articles) {
        Map<String, ArticleFingerprint> existing = index.fingerprints(articles.stream().map(Article::id).distinct().toList());
        CopyFinder copies = new CopyFinder(index, recent);
        copies.prefetch(articles.stream().filter(a -> !existing.containsKey(a.id())).toList());
        List<Recognised> recognised = new ArrayList<>(articles.size());
        for (Article article : articles) {
            ArticleFingerprint stored = existing.get(article.id());
            if (stored != null && stored.contentHash().equals(article.contentHash())) {
                recognised.add(new Recognised(article.withDuplicateOf(stored.duplicateOf()), IngestOutcome.UNCHANGED));
            } else if (stored != null) {
                // a changed article keeps its place in its copy group
                recognised.add(new Recognised(article.withDuplicateOf(stored.duplicateOf()), IngestOutcome.UPDATED));
            } else {
                String original = copies.originalOf(article).orElse(null);
                recognised.add(new Recognised(article.withDuplicateOf(original),
                        original == null ? IngestOutcome.NEW : IngestOutcome.DUPLICATE));
            }
        }
        return recognised;
    }

    /** Remembers an article the index took, for copies of it arriving before the index refreshes. */
    void indexed(Article article) {
        recent.add(article);
    }
}
