package org.outpost.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.article.Article;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestOutcome;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.crawler.ingest.Stories;

/**
 * Two sites crawled side by side publish one wire story at the same moment: their batches reach
 * the pipeline together, and the story must still be indexed once with one copy, however the
 * two batches' index lookups and writes interleave.
 */
@Tag(TestDatabases.TAG)
class CopiesAcrossConcurrentBatchesTest extends CrawlTestSupport {

    @TempDir
    Path dataDir;

    @Test
    void twoBatchesWrittenAtOnceWithCopiesOfEachOtherMakeOneStoryOfEach() throws Exception {
        int rounds = 3;
        int stories = 10;
        List<IngestPipeline.Settled> settled = new CopyOnWriteArrayList<>();
        try (CrawlerHarness crawler = harness(dataDir);
                ExecutorService sites = Executors.newFixedThreadPool(2)) {
            IngestPipeline pipeline = crawler.bean(IngestPipeline.class);
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> writes = new ArrayList<>();
                for (String site : List.of("site-a", "site-b")) {
                    IngestBatch batch = pipeline.batch();
                    for (int s = 0; s < stories; s++) {
                        // site b prints every other story with one word changed: a near copy
                        boolean reworded = site.equals("site-b") && s % 2 == 0;
                        batch.add(
                                reworded
                                        ? Stories.reworded(site, round * stories + s)
                                        : Stories.article(site, round * stories + s),
                                settled::add);
                    }
                    writes.add(sites.submit(() -> {
                        together.await();
                        batch.close(); // both batches are looked up and written at the same moment
                        return null;
                    }));
                }
                for (Future<?> write : writes) {
                    write.get();
                }
            }
        }

        assertThat(settled)
                .extracting(IngestPipeline.Settled::outcome)
                .containsOnly(IngestOutcome.NEW, IngestOutcome.DUPLICATE)
                .hasSize(2 * rounds * stories);
        Map<String, Article> byId = indexed().stream().collect(Collectors.toMap(Article::id, Function.identity()));
        Map<String, List<String>> rootsByStory = byId.values().stream()
                .collect(Collectors.groupingBy(
                        a -> a.title(),
                        Collectors.mapping(
                                a -> a.duplicateOf() != null ? a.duplicateOf() : a.id(), Collectors.toList())));
        assertThat(rootsByStory).hasSize(rounds * stories);
        assertThat(rootsByStory.values())
                .allSatisfy(roots -> assertThat(roots).hasSize(2).containsOnly(roots.getFirst()));
        assertThat(settled)
                .filteredOn(s -> s.outcome() == IngestOutcome.DUPLICATE)
                .hasSize(rounds * stories);
    }
}
