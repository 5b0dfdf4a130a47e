package org.outpost.benchmarks.macro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.GeneratedArticle;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;

/**
 * Generated articles bulk-loaded straight into an article index, as the crawler would have left
 * them but without crawling: their topics are the ones they were written for (score 0.8), one
 * place entity from the title, copies marked. For benchmarks that need a large index quickly
 * (1,000,000 articles in about four minutes on two cores).
 */
public final class GeneratedArticles {

    private static final int BATCH = 1_000;
    /** Batches submitted and not yet confirmed, at most: the node, not the generator's memory, sets the pace. */
    private static final int IN_FLIGHT = 4;

    private GeneratedArticles() {}

    /** Bulk loads the whole corpus with two writers in batches of 1,000; returns the seconds it took. */
    public static double load(ArticleIndex index, CorpusGenerator corpus) throws Exception {
        return load(index, corpus, 0);
    }

    /**
     * Bulk loads articles {@code from} to the end of the corpus, as {@link #load(ArticleIndex, CorpusGenerator)};
     * returns the seconds it took. Articles keep their ids, so loading one again replaces it.
     */
    public static double load(ArticleIndex index, CorpusGenerator corpus, int from) throws Exception {
        long start = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int batch = from; batch < corpus.size(); batch += BATCH) {
                int first = batch;
                int to = Math.min(corpus.size(), batch + BATCH);
                pending.add(writers.submit(() -> {
                    List<Article> docs = new ArrayList<>(to - first);
                    for (int i = first; i < to; i++) {
                        docs.add(article(corpus.article(i), corpus));
                    }
                    index.index(docs);
                }));
                if (pending.size() >= IN_FLIGHT) {
                    pending.removeFirst().get();
                }
                if (batch % 100_000 == 0 && batch > from) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    // the rate of this run, so that a load stopped and resumed still reports what the node sustains
                    System.out.printf(
                            "%s loaded %,d of %,d (%,d in %.0f s: %,.0f articles/s)%n",
                            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            batch,
                            corpus.size(),
                            batch - from,
                            seconds,
                            (batch - from) / seconds);
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
        index.refresh();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Where a load stopped part way resumes, given how many of the corpus's articles the index holds: batches finish
     * out of order, so the articles before the first unfinished batch are all there and at most {@value #IN_FLIGHT}
     * batches after it are; loading from {@value #IN_FLIGHT} batches before the count's batch misses none (those
     * loaded twice are replaced by themselves).
     */
    static int resumeAt(long present, int size) {
        if (present >= size) {
            return size;
        }
        return (int) Math.max(0, (present / BATCH - IN_FLIGHT) * BATCH);
    }

    /** The article as the pipeline would index it; {@code corpus} resolves a copy's original (null: do not mark). */
    static Article article(GeneratedArticle g, @Nullable CorpusGenerator corpus) {
        Article a = Article.builder(g.source(), g.title(), g.body())
                .url("https://wire.example" + g.path())
                .publishedAt(g.publishedAt())
                .fetchedAt(g.publishedAt())
                .language("en")
                .build();
        Map<String, Double> scores = g.topic() == null ? Map.of() : Map.of(g.topic(), 0.8);
        a = a.withClassification(
                scores,
                List.copyOf(scores.keySet()),
                List.of("place:" + g.title().split(" ")[0]));
        return g.copyOf() >= 0 && corpus != null
                ? a.withDuplicateOf(article(corpus.article(g.copyOf()), null).id())
                : a;
    }
}
