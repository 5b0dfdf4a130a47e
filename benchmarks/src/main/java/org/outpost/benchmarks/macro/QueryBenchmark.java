package org.outpost.benchmarks.macro;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.ReaderQueries;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.IndexPartition;
import org.outpost.core.index.IndexSettings;
import org.outpost.core.index.MappingVersion;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.index.TrendQuery;

/**
 * Queries at scale: N generated articles are bulk-indexed straight into a fresh index (their
 * topics are the ones they were written for, score 0.8; no crawl, no classifier), then each of
 * the dashboard's query kinds runs R times with varied parameters: trend, search with filters
 * and highlights, facets, the topic page's aggregations. Baseline, in the same run: a count of
 * all documents (the round trip's floor).
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.macro.QueryBenchmark [articles] [requests]</pre>
 *
 * <p>{@code OUTPOST_BENCH_PARTITION=year} loads the articles into one index per year instead of one per month (the
 * generated 90 days then fit one index, as before indices were partitioned).
 */
public final class QueryBenchmark {

    private QueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Instant end = Instant.parse("2026-11-25T00:00:00Z");
        CorpusGenerator corpus = CorpusGenerator.standard(articles, end);
        try (BenchNode es = new BenchNode(System.getenv().getOrDefault("OUTPOST_BENCH_ES_HEAP", "1g"))) {
            IndexPartition partition = IndexPartition.valueOf(System.getenv()
                    .getOrDefault("OUTPOST_BENCH_PARTITION", "month")
                    .toUpperCase(java.util.Locale.ROOT));
            ArticleIndex index = new ArticleIndex(
                    es.connection.client(),
                    "bench-queries",
                    new IndexSettings(1, 0, Duration.ofSeconds(1), partition),
                    MappingVersion.CURRENT);
            index.ensureExists();
            double loadSeconds = GeneratedArticles.load(index, corpus);
            ArticleStats stats = new ArticleStats(es.connection.client(), index.alias());
            ArticleSearch articleSearch = new ArticleSearch(es.connection.client(), index.alias());
            SplittableRandom random = new SplittableRandom(7);
            ZoneId zone = ZoneId.of("Asia/Dushanbe");

            // warm-up: the node's caches and the JIT, as a dashboard that has been open a while
            run(50, i -> index.count());
            run(50, i -> articleSearch.search(searchQuery(random, end, i)));

            LatencyStats baseline = run(requests, i -> index.count());
            LatencyStats trend = run(requests, i -> {
                Instant to = end.minus(Duration.ofDays(random.nextInt(30)));
                stats.trends(
                        new TrendQuery(
                                to.minus(Duration.ofDays(30)),
                                to,
                                TrendInterval.DAY,
                                null,
                                i % 3 == 0 ? ReaderQueries.WORDS.get(random.nextInt(ReaderQueries.WORDS.size())) : null,
                                zone),
                        ReaderQueries.TOPICS);
            });
            LatencyStats search = run(requests, i -> articleSearch.search(searchQuery(random, end, i)));
            LatencyStats facets = run(requests, i -> articleSearch.facets(searchQuery(random, end, i), 10));
            LatencyStats topicPage = run(requests, i -> {
                String topic = ReaderQueries.TOPICS.get(random.nextInt(ReaderQueries.TOPICS.size()));
                Instant to = end.minus(Duration.ofDays(random.nextInt(30)));
                Instant from = to.minus(Duration.ofDays(7));
                stats.trends(new TrendQuery(from, to, TrendInterval.HOUR, topic, null, zone), List.of(topic));
                stats.top("entities", from, to, topic, 10);
                stats.top("source", from, to, topic, 10);
                stats.emergingTerms(from, to, topic, 10);
            });

            System.out.printf(
                    "%n## Queries at %,d articles (%d requests each; index loaded in %.0f s; %d cores)%n%n",
                    index.count(), requests, loadSeconds, Runtime.getRuntime().availableProcessors());
            System.out.println(LatencyStats.header());
            System.out.println(baseline.row("baseline: count all"));
            System.out.println(trend.row("trend: 30 days by day, 9 topics (a third with a query)"));
            System.out.println(search.row("search: query + topic filter + 7-90 days, highlights, 20 hits"));
            System.out.println(facets.row("facets: topics, sources, entities, languages"));
            System.out.println(topicPage.row("topic page: hourly trend, entities, sources, emerging terms"));
        }
    }

    private static ArticleQuery searchQuery(SplittableRandom random, Instant end, int i) {
        String topic = ReaderQueries.TOPICS.get(random.nextInt(ReaderQueries.TOPICS.size()));
        Instant to = end.minus(Duration.ofDays(random.nextInt(20)));
        Instant from = to.minus(Duration.ofDays(7 + random.nextInt(84)));
        return new ArticleQuery(
                ReaderQueries.WORDS.get(random.nextInt(ReaderQueries.WORDS.size())),
                null,
                from,
                to,
                0,
                20,
                new ArticleQuery.Filters(i % 2 == 0 ? Map.of(topic, 0.5) : Map.of(), List.of(), List.of(), List.of()),
                i % 2 == 0 ? ArticleQuery.Sort.RELEVANCE : ArticleQuery.Sort.NEWEST);
    }

    private static LatencyStats run(int requests, IntConsumer request) {
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            request.accept(i);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        return LatencyStats.of(millis);
    }
}
