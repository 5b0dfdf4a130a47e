package org.outpost.benchmarks.macro;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.WorkloadServer;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.crawler.SourceService;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.SourceDefinition;

/**
 * Ingest: N generated articles crawled from a local server through the whole pipeline (sitemap
 * discovery, fetch, extraction, scoring, dedup, bulk indexing) into a fresh index; then the
 * baseline: the same final documents bulk-indexed into another fresh index on the same node.
 * Reports both rates and their ratio.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.macro.IngestBenchmark [articles]</pre>
 */
public final class IngestBenchmark {

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        CorpusGenerator corpus = CorpusGenerator.standard(articles, Instant.parse("2026-11-25T00:00:00Z"));
        Path dataDir = Files.createTempDirectory("outpost-bench-ingest");
        try (BenchNode es = new BenchNode(System.getenv().getOrDefault("OUTPOST_BENCH_ES_HEAP", "1g"));
                WorkloadServer server = new WorkloadServer(corpus, sites)) {
            ArticleIndex crawled = new ArticleIndex(es.connection.client(), "bench-crawled");
            crawled.ensureExists();
            List<CrawlRun> runs = new ArrayList<>();
            long crawlNanos;
            try (CrawlerRig rig = new CrawlerRig(
                    crawled,
                    new org.outpost.core.index.CopyCandidates(es.connection.client(), crawled.alias()),
                    dataDir,
                    Map.of())) {
                SourceService sources = rig.sources();
                List<Long> ids = new ArrayList<>();
                for (int k = 0; k < sites; k++) {
                    ids.add(sources.create(
                                    new SourceDefinition(
                                            "Generated site " + (k + 1),
                                            "sitemap",
                                            server.url(k, "/sitemap.xml"),
                                            "PT1H",
                                            "UTC",
                                            false,
                                            "en",
                                            null,
                                            null,
                                            true),
                                    new SourceService.Editor("bench", true))
                            .id());
                }
                // one crawl per site at once, as the scheduler runs sources side by side; one page at a time per site
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(sites);
                long start = System.nanoTime();
                List<java.util.concurrent.Future<CrawlRun>> futures = new ArrayList<>();
                for (long id : ids) {
                    futures.add(pool.submit(() -> sources.runAndWait(id, RunTrigger.MANUAL)));
                }
                for (var f : futures) {
                    runs.add(f.get());
                }
                crawled.refresh();
                crawlNanos = System.nanoTime() - start;
                pool.shutdown();
            }
            CrawlRun run = total(runs);
            long heapAfterCrawl = usedHeapAfterGc();

            // the baseline: the documents the pipeline produced, bulk-indexed as they are
            List<List<Article>> batches = new ArrayList<>();
            crawled.forEachBatch(
                    500,
                    batch -> batches.add(batch.stream().map(v -> v.article()).toList()));
            long documents = batches.stream().mapToLong(List::size).sum();
            CopyCount copies =
                    CopyCount.of(corpus, batches.stream().flatMap(List::stream).toList());
            ArticleIndex bulk = new ArticleIndex(es.connection.client(), "bench-bulk");
            bulk.ensureExists();
            long start = System.nanoTime();
            for (List<Article> batch : batches) {
                bulk.index(batch);
            }
            bulk.refresh();
            long bulkNanos = System.nanoTime() - start;

            double crawlRate = run.pagesFetched() / seconds(crawlNanos);
            double indexedRate = documents / seconds(crawlNanos);
            double bulkRate = documents / seconds(bulkNanos);
            System.out.printf(
                    "%n## Ingest, %,d generated articles on %d sites (%s, %d cores, max heap %d MB)%n%n",
                    articles,
                    sites,
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.printf("| step | documents | seconds | documents/s |%n|---|---:|---:|---:|%n");
            System.out.printf(
                    "| crawl pipeline: pages fetched | %,d | %.1f | %,.0f |%n",
                    run.pagesFetched(), seconds(crawlNanos), crawlRate);
            System.out.printf(
                    "| crawl pipeline: documents indexed (new %,d, copies %,d) | %,d | %.1f | %,.0f |%n",
                    run.articlesNew(), run.articlesDuplicate(), documents, seconds(crawlNanos), indexedRate);
            System.out.printf(
                    "| baseline: `_bulk` of the same documents (batches of 500) | %,d | %.1f | %,.0f |%n",
                    documents, seconds(bulkNanos), bulkRate);
            System.out.printf(
                    "%nratio pipeline / bulk: **%.2f**   run status %s, errors %d, heap after crawl %d MB%n",
                    indexedRate / bulkRate, run.status(), run.errors(), heapAfterCrawl / (1024 * 1024));
            System.out.printf("%n%s%n", copies.describe());
        }
    }

    /** The runs' counts added up, the worst status kept. */
    private static CrawlRun total(List<CrawlRun> runs) {
        CrawlRun first = runs.getFirst();
        int fetched = 0;
        int fresh = 0;
        int duplicate = 0;
        int errors = 0;
        long bytes = 0;
        for (CrawlRun r : runs) {
            fetched += r.pagesFetched();
            fresh += r.articlesNew();
            duplicate += r.articlesDuplicate();
            errors += r.errors();
            bytes += r.bytesFetched();
        }
        var status = runs.stream().map(CrawlRun::status).max(Enum::compareTo).orElse(first.status());
        return new CrawlRun(
                first.id(),
                first.sourceId(),
                first.trigger(),
                status,
                first.startedAt(),
                first.finishedAt(),
                fetched,
                bytes,
                fresh,
                0,
                0,
                duplicate,
                0,
                errors,
                null);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
