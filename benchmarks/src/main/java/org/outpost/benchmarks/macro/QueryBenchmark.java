package org.outpost.benchmarks.macro;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
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
 * Queries at scale: N generated articles are bulk-indexed straight into the index (their
 * topics are the ones they were written for, score 0.8; no crawl, no classifier), then each of
 * the dashboard's query kinds runs R times with varied parameters: trend, search with filters
 * and highlights, facets, the topic page's aggregations (one after another, then at once as the page sends them,
 * each from an empty request cache on the same parameters). Baseline, in the same run: a count of
 * all documents (the round trip's floor).
 *
 * <pre>java -Xmx1g -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.macro.QueryBenchmark [articles] [requests]</pre>
 *
 * <p>{@code OUTPOST_BENCH_PARTITION=year} loads the articles into one index per year instead of one per month (the
 * generated 90 days then fit one index, as before indices were partitioned). {@code OUTPOST_BENCH_DAYS} (default 90)
 * spreads the articles' dates over that many days before 2026-11-25: 365 makes years of news, 13 monthly indices.
 *
 * <p><b>Reusing a load.</b> A large load takes hours on a shared machine, so it can be kept and resumed: with
 * {@code OUTPOST_BENCH_REUSE_INDEX=true} the node starts on the data left under {@code OUTPOST_BENCH_DIR} (default
 * {@code /tmp/outpost-bench}; keep it outside a checkout), counts the articles the index holds and loads only the
 * rest (the corpus is seeded: article i is the same every time, and computed without the ones before it), then runs
 * the queries. A load stopped part way (SIGTERM: the node stops cleanly; a kill loses nothing acknowledged) resumes
 * where it left off; a complete one is queried as it is. The corpus's parameters are kept beside the data in
 * {@code query-benchmark.properties}, and a run with other parameters (articles, days, partitioning) refuses to mix
 * them into it. For example, 5,000,000 articles over a year, at idle priority, run again until it prints the table:
 *
 * <pre>
 * OUTPOST_BENCH_DIR=/work/bench-5m OUTPOST_BENCH_DAYS=365 OUTPOST_BENCH_REUSE_INDEX=true \
 *   nice -n 19 java -Xmx1g -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.macro.QueryBenchmark 5000000 200
 * </pre>
 */
public final class QueryBenchmark {

    private static final String ALIAS = "bench-queries";

    private QueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int days = Integer.parseInt(System.getenv().getOrDefault("OUTPOST_BENCH_DAYS", "90"));
        boolean reuse = Boolean.parseBoolean(System.getenv().getOrDefault("OUTPOST_BENCH_REUSE_INDEX", "false"));
        String heap = System.getenv().getOrDefault("OUTPOST_BENCH_ES_HEAP", "1g");
        IndexPartition partition = IndexPartition.valueOf(
                System.getenv().getOrDefault("OUTPOST_BENCH_PARTITION", "month").toUpperCase(java.util.Locale.ROOT));
        Instant end = Instant.parse("2026-11-25T00:00:00Z");
        CorpusGenerator corpus = CorpusGenerator.standard(articles, end, Duration.ofDays(days));
        LoadedCorpus loaded = new LoadedCorpus(
                Path.of(System.getenv().getOrDefault("OUTPOST_BENCH_DIR", "/tmp/outpost-bench")),
                articles,
                days,
                partition);
        if (reuse) {
            loaded.checkMatches();
        }
        try (BenchNode es = new BenchNode(heap, reuse)) {
            ArticleIndex index = new ArticleIndex(
                    es.connection.client(),
                    ALIAS,
                    new IndexSettings(1, 0, Duration.ofSeconds(1), partition),
                    MappingVersion.CURRENT);
            index.ensureExists();
            loaded.record();
            index.refresh();
            long present = index.count();
            int firstToLoad = GeneratedArticles.resumeAt(present, articles);
            System.out.printf(
                    "%s index %s holds %,d of %,d articles; loading from article %,d%n",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), ALIAS, present, articles, firstToLoad);
            double loadSeconds = GeneratedArticles.load(index, corpus, firstToLoad);
            if (firstToLoad < articles) {
                System.out.printf(
                        "%s loaded articles %,d to %,d in %.0f s: %,.0f articles/s%n",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS),
                        firstToLoad,
                        articles,
                        loadSeconds,
                        (articles - firstToLoad) / loadSeconds);
            }
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
            // the topic page two ways on the same parameters, each from an empty request cache: its four
            // aggregations one after another (as before), then sent at once as the page sends them
            clearCaches(es);
            SplittableRandom pages = new SplittableRandom(13);
            LatencyStats topicPageInSeries = run(requests, i -> {
                TrendQuery page = topicPage(pages, end, zone);
                stats.trends(page, List.of(page.topic()));
                stats.top("entities", page.from(), page.to(), page.topic(), 10);
                stats.top("source", page.from(), page.to(), page.topic(), 10);
                stats.emergingTerms(page.from(), page.to(), page.topic(), 10);
            });
            clearCaches(es);
            SplittableRandom samePages = new SplittableRandom(13);
            LatencyStats topicPage = run(requests, i -> stats.topicFigures(topicPage(samePages, end, zone), 10, 10));

            Set<String> indices = es.connection
                    .client()
                    .indices()
                    .getAlias(a -> a.name(ALIAS))
                    .result()
                    .keySet();
            System.out.printf(
                    "%n## Queries at %,d articles (%d requests each; %d cores)%n%n",
                    index.count(), requests, Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "Layout: %d days in %d %s indices behind `%s` (%s to %s), 1 shard and 0 replicas each; node heap %s."
                            + " Loaded in this run: %,d articles in %.0f s.%n%n",
                    days,
                    indices.size(),
                    partition.name().toLowerCase(java.util.Locale.ROOT) + "ly",
                    ALIAS,
                    new TreeSet<>(indices).first(),
                    new TreeSet<>(indices).last(),
                    heap,
                    articles - firstToLoad,
                    loadSeconds);
            System.out.println(LatencyStats.header());
            System.out.println(baseline.row("baseline: count all"));
            System.out.println(trend.row("trend: 30 days by day, 9 topics (a third with a query)"));
            System.out.println(search.row("search: query + topic filter + 7-90 days, highlights, 20 hits"));
            System.out.println(facets.row("facets: topics, sources, entities, languages"));
            System.out.println(topicPageInSeries.row(
                    "topic page, its 4 aggregations one after another (before): hourly trend, entities, sources,"
                            + " emerging terms"));
            System.out.println(topicPage.row("topic page: the same 4 aggregations sent at once"));
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

    /** A topic page opened on one of the topics, for 7 days ending on one of the last 30. */
    private static TrendQuery topicPage(SplittableRandom random, Instant end, ZoneId zone) {
        String topic = ReaderQueries.TOPICS.get(random.nextInt(ReaderQueries.TOPICS.size()));
        Instant to = end.minus(Duration.ofDays(random.nextInt(30)));
        return new TrendQuery(to.minus(Duration.ofDays(7)), to, TrendInterval.HOUR, topic, null, zone);
    }

    private static void clearCaches(BenchNode es) {
        try {
            es.connection
                    .client()
                    .indices()
                    .clearCache(c -> c.index(ALIAS).request(true).query(true).fielddata(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
