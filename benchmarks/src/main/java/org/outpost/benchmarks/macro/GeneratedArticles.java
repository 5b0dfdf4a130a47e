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

    private GeneratedArticles() {}

    /** Bulk loads the whole corpus with two writers in batches of 1,000; returns the seconds it took. */
    public static double load(ArticleIndex index, CorpusGenerator corpus) throws Exception {
        long start = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < corpus.size(); from += BATCH) {
                int first = from;
                int to = Math.min(corpus.size(), from + BATCH);
                pending.add(writers.submit(() -> {
                    List<Article> docs = new ArrayList<>(to - first);
                    for (int i = first; i < to; i++) {
                        docs.add(article(corpus.article(i), corpus));
                    }
                    index.index(docs);
                }));
                // at most four batches in flight: the node, not the generator's memory, sets the pace
                if (pending.size() >= 4) {
                    pending.removeFirst().get();
                }
                if (from % 100_000 == 0) {
                    System.out.printf("loaded %,d%n", from);
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
