package org.outpost.crawler.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.fetch.FetchResult;
import org.outpost.crawler.fetch.FetchSettings;
import org.outpost.crawler.fetch.PageFetcher;
import org.outpost.crawler.run.RunRepository;
import org.outpost.crawler.source.Schedule;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The fetch stage against a real HTTP server on loopback. */
class PageFetchTest {

    private final PageFetcher fetcher = new PageFetcher(new FetchSettings(
            "Outpost test", Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 5, Duration.ZERO, true));

    @Test
    void aServerThatAsksToWaitBrieflyIsAskedAgainAndItsPageFetched() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            AtomicInteger calls = new AtomicInteger();
            site.on("/busy", ex -> {
                if (calls.incrementAndGet() == 1) {
                    ex.getResponseHeaders().add("Retry-After", "1");
                    FixtureSite.respond(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
                } else {
                    FixtureSite.respond(
                            ex, 200, "text/html", "<html><body>ok</body></html>".getBytes(StandardCharsets.UTF_8));
                }
            });
            RunContext run = run();

            FetchResult result =
                    new PageFetch(settings(Duration.ofSeconds(5))).fetch(run, fetcher, URI.create(site.url("/busy")));

            assertThat(result.isOk()).isTrue();
            assertThat(calls).hasValue(2);
            assertThat(run.counters.pagesFetched()).isEqualTo(1);
        }
    }

    @Test
    void aServerAskingForLongerThanTheRunsPatienceIsLeftAtOnce() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            AtomicInteger calls = new AtomicInteger();
            site.on("/later", ex -> {
                calls.incrementAndGet();
                ex.getResponseHeaders().add("Retry-After", "3600");
                FixtureSite.respond(ex, 429, "text/plain", "later".getBytes(StandardCharsets.UTF_8));
            });

            FetchResult result = new PageFetch(settings(Duration.ofSeconds(5)))
                    .fetch(run(), fetcher, URI.create(site.url("/later")));

            assertThat(result.httpStatus()).isEqualTo(429);
            assertThat(PageFetch.isThrottled(result)).isTrue();
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void aMissingPageIsNotAskedAgain() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            AtomicInteger calls = new AtomicInteger();
            site.on("/gone", ex -> {
                calls.incrementAndGet();
                FixtureSite.respond(ex, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
            });

            FetchResult result =
                    new PageFetch(settings(Duration.ofSeconds(5))).fetch(run(), fetcher, URI.create(site.url("/gone")));

            assertThat(result.httpStatus()).isEqualTo(404);
            assertThat(PageFetch.isThrottled(result)).isFalse();
            assertThat(calls).hasValue(1);
        }
    }

    private static CrawlSettings settings(Duration maxRetryWait) {
        return new CrawlSettings(100, maxRetryWait, 3, List.of(Path.of("/tmp")), 10);
    }

    /** A run as the stage sees it: fetches are counted, nothing is written to the database. */
    private static RunContext run() {
        Source source = new Source(
                1,
                "Fixture",
                SourceType.RSS,
                "http://127.0.0.1/feed.xml",
                Schedule.parse("PT1H", "UTC"),
                true,
                null,
                null,
                null,
                true,
                null,
                Instant.now(),
                Instant.now());
        RunRepository runs =
                new RunRepository(JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:pagefetch", "sa", "")));
        return new RunContext(source, 1, runs, new CrawlMetrics(new SimpleMeterRegistry()), () -> false);
    }
}
