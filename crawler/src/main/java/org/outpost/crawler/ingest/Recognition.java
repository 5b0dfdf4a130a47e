package org.outpost.crawler.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleFingerprint;
import org.outpost.core.index.ArticleIndex;

/**
 * The recognise stage: tells, for each article of a batch, whether the index holds it already
 * (unchanged or changed), whether it copies another story, or whether it is new. Which story an
 * article copies is {@link CopyRecognition}'s decision; this stage adds what the index knows by id.
 */
final class Recognition {

    /** An article as it is to be written: its copy group set, and what it is to the index. */
    record Recognised(Article article, IngestOutcome outcome) {}

    private final ArticleIndex index;
    private final CopyRecognition copies;

    Recognition(ArticleIndex index, CopyRecognition copies) {
        this.index = index;
        this.copies = copies;
    }

    /**
     * @return one {@link Recognised} per article, in order ({@code UNCHANGED}, {@code UPDATED},
     *     {@code DUPLICATE} or {@code NEW}); close it once the batch is written or failed
     * @throws org.outpost.core.index.IndexUnavailableException when Elasticsearch cannot be asked
     */
    Batch recognise(List<Article> articles) {
        Map<String, ArticleFingerprint> existing =
                index.fingerprints(articles.stream().map(Article::id).distinct().toList());
        CopyRecognition.Decisions decisions = copies.recognise(
                articles.stream().filter(a -> !existing.containsKey(a.id())).toList());
        List<Recognised> recognised = new ArrayList<>(articles.size());
        for (Article article : articles) {
            ArticleFingerprint stored = existing.get(article.id());
            if (stored != null && stored.contentHash().equals(article.contentHash())) {
                recognised.add(new Recognised(article.withDuplicateOf(stored.duplicateOf()), IngestOutcome.UNCHANGED));
            } else if (stored != null) {
                // a changed article keeps its place in its copy group
                recognised.add(new Recognised(article.withDuplicateOf(stored.duplicateOf()), IngestOutcome.UPDATED));
            } else {
                String original = decisions.originalOf(article);
                recognised.add(new Recognised(
                        article.withDuplicateOf(original),
                        original == null ? IngestOutcome.NEW : IngestOutcome.DUPLICATE));
            }
        }
        return new Batch(recognised, decisions);
    }

    /** A recognised batch; what the index accepted is remembered for copies arriving before it refreshes. */
    record Batch(List<Recognised> articles, CopyRecognition.Decisions decisions) implements AutoCloseable {

        void indexed(Collection<Article> accepted) {
            decisions.indexed(accepted);
        }

        @Override
        public void close() {
            decisions.close();
        }
    }
}
