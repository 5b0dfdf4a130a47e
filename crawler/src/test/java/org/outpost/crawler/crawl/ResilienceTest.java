package org.outpost.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.elasticsearch.ElasticsearchConnection;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleJson;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.ingest.IngestQueue;
import org.outpost.crawler.ingest.QueueDrainer;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.Source;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Restarts mid-run, an index that goes away, and two instances sharing the job store. */
@Tag(TestDatabases.TAG)
class ResilienceTest extends CrawlTestSupport {

    @TempDir
    Path data;

    @Test
    void restartingTheAppMidRunLosesNothingAndDuplicatesNothing() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            String[] paths = slowArticles(site, 8, 300);
            site.feed("/feed.xml", paths);
            CrawlerHarness first = harness(data, Map.of("outpost.crawler.scheduler", "true"));
            Source source = first.add("Fixture restart", "rss", site.url("/feed.xml"));
            first.sources().runNow(source.id()); // on a Quartz thread, as "run now" in the app
            awaitRequests(site, 3, paths);
            first.close(); // the app stops: the run is asked to stop between pages and records it

            CrawlRun interrupted = runsOf(source).getFirst();
            assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(interrupted.articlesNew()).isBetween(1, 7);

            try (CrawlerHarness second = harness(data)) {
                CrawlRun resumed = second.sources().runAndWait(source.id(), RunTrigger.MANUAL);
                assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(interrupted.articlesNew() + resumed.articlesNew()).isEqualTo(8);
                List<Article> all = indexed();
                assertThat(all).hasSize(8);
                assertThat(all).extracting(Article::url).doesNotHaveDuplicates();
                assertThat(first.events.size() + second.events.size()).isEqualTo(8);
            }
        }
    }

    @Test
    void eachArticleIsPublishedInTheTransactionThatRecordsItsPageAndIsHeardOnlyAfterItCommits() throws Exception {
        try (FixtureSite site = new FixtureSite();
                CrawlerHarness crawler = harness(data)) {
            site.feed("/feed.xml", "/news/2026/03/r-1", "/news/2026/03/r-2")
                    .article("/news/2026/03/r-1", "Heroin seized near Khorog", 1)
                    .article("/news/2026/03/r-2", "Weapons found in Osh", 2);
            Source source = crawler.add("Fixture publication", "rss", site.url("/feed.xml"));
            org.springframework.jdbc.core.simple.JdbcClient jdbc =
                    crawler.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
            List<Boolean> publishedInATransaction = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Long> pagesRecordedWhenCommitted = new java.util.concurrent.CopyOnWriteArrayList<>();
            crawler.context.addApplicationListener((org.springframework.context.ApplicationListener<
                            org.springframework.context.PayloadApplicationEvent<?>>)
                    e -> {
                        if (e.getPayload() instanceof ArticleIndexed) {
                            publishedInATransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
                            // where the app's registry hands the event to its listeners
                            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public void afterCommit() {
                                    pagesRecordedWhenCommitted.add(jdbc.sql("select count(*) from crawled_page")
                                            .query(Long.class)
                                            .single());
                                }
                            });
                        }
                    });

            crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);

            assertThat(publishedInATransaction).containsExactly(true, true);
            // one batch, one transaction: both pages are recorded by the time either announcement is heard
            assertThat(pagesRecordedWhenCommitted).containsExactly(2L, 2L);
        }
    }

    @Test
    void anArticleIndexedButNotRecordedBeforeACrashIsPublishedWhenFetchedAgain() throws Exception {
        try (FixtureSite site = new FixtureSite();
                CrawlerHarness crawler = harness(data)) {
            site.feed("/feed.xml", "/news/2026/03/r-1", "/news/2026/03/r-2")
                    .article("/news/2026/03/r-1", "Heroin seized near Khorog", 1)
                    .article("/news/2026/03/r-2", "Weapons found in Osh", 2);
            Source source = crawler.add("Fixture re-announce", "rss", site.url("/feed.xml"));
            org.springframework.jdbc.core.simple.JdbcClient jdbc =
                    crawler.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
            crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);

            // the crash after the bulk request, before the transaction that records the pages and publishes:
            // Elasticsearch and the database do not commit together, so the articles are in the index, the rest is not
            jdbc.sql("delete from crawled_page").update();
            jdbc.sql("delete from fetch_validator").update();
            crawler.events.clear();
            CrawlRun again = crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);

            assertThat(again.articlesUnchanged()).isEqualTo(2);
            assertThat(indexed()).hasSize(2);
            assertThat(crawler.events)
                    .extracting(ArticleIndexed::change)
                    .containsExactly(ArticleIndexed.Change.UNCHANGED, ArticleIndexed.Change.UNCHANGED);
            assertThat(jdbc.sql("select count(*) from crawled_page")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        }
    }

    @Test
    void aRunLeftRunningByACrashedInstanceIsEndedAndItsSourceRunsAgain() throws Exception {
        try (FixtureSite site = new FixtureSite();
                CrawlerHarness app = harness(data)) {
            String[] paths = slowArticles(site, 2, 0);
            site.feed("/feed.xml", paths);
            Source source = app.add("Fixture crash", "rss", site.url("/feed.xml"));
            org.outpost.crawler.run.RunRepository runs = app.bean(org.outpost.crawler.run.RunRepository.class);
            // what an instance killed mid-run leaves behind: a RUNNING run holding the source's lease
            long crashed = runs.tryStart(source.id(), RunTrigger.SCHEDULE).orElseThrow();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> app.sources().runAndWait(source.id(), RunTrigger.MANUAL))
                    .isInstanceOf(SourceBusyException.class);

            // its heartbeats stopped a lease period ago; the sweep every instance runs ends it (the app's own
            // scheduled sweep may get there first on a loaded machine: what counts is that the run is ended)
            app.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("update crawl_run set heartbeat_at = ? where id = ?")
                    .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), crashed)
                    .update();
            runs.markInterrupted(java.time.Instant.now().minus(org.outpost.crawler.run.RunRepository.LEASE));

            assertThat(runs.find(crashed).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
            CrawlRun next = app.sources().runAndWait(source.id(), RunTrigger.RECOVERY);
            assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(next.articlesNew()).isEqualTo(2);
        }
    }

    @Test
    void aLiveRunKeepsItsLeaseWithHeartbeatsWhileAPageTakesLong() throws Exception {
        try (FixtureSite site = new FixtureSite();
                CrawlerHarness app = harness(data, Map.of("outpost.crawler.read-timeout", "20s"))) {
            String[] paths = slowArticles(site, 1, 7_000); // longer than a heartbeat period
            site.feed("/feed.xml", paths);
            Source source = app.add("Fixture heartbeat", "rss", site.url("/feed.xml"));
            java.util.concurrent.CompletableFuture<CrawlRun> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> app.sources().runAndWait(source.id(), RunTrigger.MANUAL));
            Thread.sleep(6_500);
            org.outpost.crawler.run.RunRepository runs = app.bean(org.outpost.crawler.run.RunRepository.class);
            CrawlRun live = runs.recent(source.id(), 1).getFirst();
            assertThat(live.status()).isEqualTo(RunStatus.RUNNING);
            // a sweep for runs silent for 5 s finds none: the timer beat although the page is still loading
            assertThat(runs.markInterrupted(java.time.Instant.now().minusSeconds(5)))
                    .isZero();
            assertThat(run.get(30, java.util.concurrent.TimeUnit.SECONDS).status())
                    .isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    @Test
    void aRunThatAnotherInstanceTookForDeadStopsAtItsNextPageSoTwoNeverCrawlTheSourceAtOnce() throws Exception {
        try (FixtureSite site = new FixtureSite();
                CrawlerHarness app = harness(data)) {
            String[] paths = slowArticles(site, 12, 1_000);
            site.feed("/feed.xml", paths);
            Source source = app.add("Fixture taken for dead", "rss", site.url("/feed.xml"));
            java.util.concurrent.CompletableFuture<CrawlRun> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> app.sources().runAndWait(source.id(), RunTrigger.MANUAL));
            awaitRequests(site, 2, paths);
            org.outpost.crawler.run.RunRepository runs = app.bean(org.outpost.crawler.run.RunRepository.class);
            // another instance's sweep judges this run dead (a long pause here, say): it ends the run
            // and frees the source's lease, so that instance may start the source now
            assertThat(runs.markInterrupted(java.time.Instant.now().plusSeconds(1)))
                    .isEqualTo(1);

            CrawlRun ended = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ended.status()).isEqualTo(RunStatus.INTERRUPTED);
            // the run learnt it at its next heartbeat and fetched no more pages than were under way
            long fetched = site.requests.stream()
                    .filter(r -> List.of(paths).contains(r))
                    .count();
            assertThat(fetched).isLessThan(paths.length);
            assertThat(runs.tryStart(source.id(), RunTrigger.SCHEDULE))
                    .as("the lease was not renewed by the stopped run")
                    .isPresent();
        }
    }

    @Test
    void oneInstanceAtATimeDrainsTheQueueAndALapsedDrainLeaseIsTakenOver() throws Exception {
        try (CrawlerHarness one = harness(data);
                CrawlerHarness two = harness(data)) {
            List<Article> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiting.add(Article.builder("Queue fixture", "Queued story " + i, FixtureSite.story(40 + i))
                        .url("https://queue-fixture.example/" + UUID.randomUUID() + "/" + i)
                        .fetchedAt(java.time.Instant.now())
                        .build());
            }
            one.bean(IngestQueue.class).add(waiting);
            org.springframework.jdbc.core.simple.JdbcClient jdbc =
                    one.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
            // an instance that stopped mid-drain, its lease not yet run out
            jdbc.sql(
                            "update crawler_lease set holder = 'drain-elsewhere', lease_until = ? where name = 'ingest-queue-drain'")
                    .param(java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(120)))
                    .update();
            assertThat(two.bean(QueueDrainer.class).drain()).isZero();
            assertThat(two.bean(IngestQueue.class).depth()).isEqualTo(3);

            jdbc.sql("update crawler_lease set lease_until = ? where name = 'ingest-queue-drain'")
                    .param(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)))
                    .update();
            // both instances' drains at once: the lease lets one drain, each article once
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> drains = new ArrayList<>();
            for (CrawlerHarness instance : List.of(one, two)) {
                drains.add(pool.submit(() -> {
                    go.await();
                    return instance.bean(QueueDrainer.class).drain();
                }));
            }
            go.countDown();
            int drained = 0;
            for (java.util.concurrent.Future<Integer> d : drains) {
                drained += d.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(drained).isEqualTo(3);
            assertThat(one.bean(IngestQueue.class).depth()).isZero();
            assertThat(one.events.size() + two.events.size()).isEqualTo(3);
            assertThat(jdbc.sql("select holder from crawler_lease where name = 'ingest-queue-drain'")
                            .query(String.class)
                            .list())
                    .as("released once drained")
                    .hasSize(1)
                    .containsOnlyNulls();
        }
    }

    @Test
    void articlesFetchedWhileTheIndexIsDownWaitInTheDurableQueueAndAreIndexedWhenItReturns() throws Exception {
        ElasticsearchConnection real = TestElasticsearch.connection();
        try (FixtureSite site = new FixtureSite();
                ToggleProxy proxy = new ToggleProxy(real.uri());
                ElasticsearchConnection viaProxy =
                        ElasticsearchConnection.open(proxy.url(), null, null, null, ArticleJson.mapper())) {
            ArticleIndex flaky = new ArticleIndex(viaProxy.client(), index.alias());
            for (int i = 0; i < 4; i++) {
                site.article("/news/2026/03/outage-" + i, "Outage story " + i, 80 + i);
            }
            site.feed(
                    "/feed.xml",
                    "/news/2026/03/outage-0",
                    "/news/2026/03/outage-1",
                    "/news/2026/03/outage-2",
                    "/news/2026/03/outage-3");
            String db = "outage" + UUID.randomUUID().toString().replace("-", "");
            CrawlerHarness app = new CrawlerHarness(db, flaky, data, Map.of());
            Source source = app.add("Fixture outage", "rss", site.url("/feed.xml"));
            proxy.down();

            CrawlRun degraded = app.sources().runAndWait(source.id(), RunTrigger.MANUAL);

            assertThat(degraded.status()).isEqualTo(RunStatus.DEGRADED);
            assertThat(degraded.articlesQueued()).isEqualTo(4);
            assertThat(degraded.message()).contains("wait for the index");
            assertThat(app.bean(IngestQueue.class).depth()).isEqualTo(4);
            assertThat(indexed()).isEmpty();
            assertThat(app.meters.get("outpost.ingest.queue.depth").gauge().value())
                    .isEqualTo(4);
            assertThat(app.bean(QueueDrainer.class).drain()).isZero(); // still down: nothing lost, nothing drained

            app.close(); // and the app restarts while the index is away
            try (CrawlerHarness restarted = new CrawlerHarness(db, flaky, data, Map.of())) {
                proxy.up();
                assertThat(restarted.bean(QueueDrainer.class).drain()).isEqualTo(4);
                assertThat(restarted.bean(IngestQueue.class).depth()).isZero();
                assertThat(indexed()).hasSize(4);
                assertThat(restarted.events).hasSize(4).allMatch(e -> e.change() == ArticleIndexed.Change.NEW);

                CrawlRun again = restarted.sources().runAndWait(source.id(), RunTrigger.MANUAL);
                assertThat(again.articlesNew()).isZero();
                assertThat(indexed()).hasSize(4);
            }
        }
    }

    @Test
    void twoInstancesSharingTheDatabaseNeverCrawlOneSourceAtOnce() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            String[] paths = slowArticles(site, 3, 200);
            site.feed("/feed.xml", paths);
            Map<String, Object> scheduled = Map.of("outpost.crawler.scheduler", "true");
            try (CrawlerHarness one = harness(data, scheduled);
                    CrawlerHarness two = harness(data, scheduled)) {
                Source source = one.add(new org.outpost.crawler.source.SourceDefinition(
                        "Fixture cluster", "rss", site.url("/feed.xml"), "PT1H", "UTC", false, null, null, null, true));
                one.sources().runNow(source.id());
                two.sources().runNow(source.id());
                one.sources().runNow(source.id());
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                Thread.sleep(3000);
                while (System.nanoTime() < deadline
                        && (runsOf(source).isEmpty()
                                || runsOf(source).stream().anyMatch(r -> r.status() == RunStatus.RUNNING))) {
                    Thread.sleep(100);
                }
                // Quartz serialises the job across instances; the source lease backs it up. Either
                // way, the runs recorded never overlap, and the articles are indexed once
                List<CrawlRun> runs = new ArrayList<>(runsOf(source));
                assertThat(runs).isNotEmpty().allMatch(r -> r.status() == RunStatus.SUCCEEDED);
                runs.sort(java.util.Comparator.comparing(CrawlRun::startedAt));
                for (int i = 1; i < runs.size(); i++) {
                    assertThat(runs.get(i).startedAt())
                            .isAfterOrEqualTo(runs.get(i - 1).finishedAt());
                }
                assertThat(indexed()).hasSize(3);
            }
        }
    }

    private List<CrawlRun> runsOf(Source source) {
        try (CrawlerHarness reader = harness(data)) {
            return reader.sources().runs(source.id(), 10);
        }
    }

    private static String[] slowArticles(FixtureSite site, int count, int delayMillis) {
        String[] paths = new String[count];
        for (int i = 0; i < count; i++) {
            String path = "/news/2026/03/slow-" + i;
            int seed = 90 + i;
            paths[i] = path;
            site.on(path, ex -> {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                FixtureSite.respond(
                        ex,
                        200,
                        "text/html",
                        FixtureSite.articleHtml("Slow story " + seed, FixtureSite.story(seed), path)
                                .getBytes(StandardCharsets.UTF_8));
            });
        }
        return paths;
    }

    private static void awaitRequests(FixtureSite site, int pages, String[] paths) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline
                && site.requests.stream()
                                .filter(r -> List.of(paths).contains(r))
                                .count()
                        < pages) {
            Thread.sleep(20);
        }
    }
}
