package org.outpost.crawler.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.core.source.SourceHealthChanged;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.core.source.SourceHealthChanged.State;
import org.outpost.crawler.SourceStatus;
import org.outpost.crawler.crawl.CrawlerHarness;
import org.outpost.crawler.crawl.FixtureSite;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Silent and failing sources, crawled for real from a news site on 127.0.0.1 into the test
 * Elasticsearch node and an H2 database; the time of each check is given, not read from the
 * machine's clock.
 */
@Tag(TestDatabases.TAG)
class SourceHealthTest {

    private final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "health-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
    private final String database = "health" + UUID.randomUUID().toString().replace("-", "");
    private final List<Item> items = new CopyOnWriteArrayList<>();
    private final AtomicBoolean broken = new AtomicBoolean();
    private final FixtureSite site;
    private final CrawlerHarness harness;
    private final List<SourceHealthChanged> published = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dataDir;

    private record Item(String path, Instant published) {}

    SourceHealthTest() throws Exception {
        index.ensureExists();
        site = new FixtureSite();
        site.on("/feed.xml", ex -> {
            if (broken.get()) {
                FixtureSite.respond(ex, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8));
            } else {
                FixtureSite.respond(ex, 200, "application/rss+xml", rss().getBytes(StandardCharsets.UTF_8));
            }
        });
        harness = new CrawlerHarness(database, index, dataDir, Map.of());
        harness.context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof SourceHealthChanged changed) {
                published.add(changed);
            }
        });
    }

    @AfterEach
    void stop() {
        harness.close();
        site.close();
    }

    @Test
    void aSourceQuietForLongerThanThreeTimesItsMedianGapIsRaisedOnceAndRecoversWithItsNextArticle() {
        // eight articles six hours apart, the last one eight days ago
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minus(Duration.ofDays(10));
        for (int i = 0; i < 8; i++) {
            publish("/news/" + i, first.plus(Duration.ofHours(6L * i)), i);
        }
        Instant last = first.plus(Duration.ofHours(42));
        Source source = addAndCrawl();

        // six hours is the usual gap; three times that is less than a day, so a day is the bound
        assertThat(harness.sources().checkHealth(last.plus(Duration.ofHours(23))))
                .isEmpty();
        List<SourceHealthChanged> raised = harness.sources().checkHealth(last.plus(Duration.ofHours(25)));
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.sourceId()).isEqualTo(source.id());
            assertThat(e.problem()).isEqualTo(Problem.SILENT);
            assertThat(e.state()).isEqualTo(State.RAISED);
            assertThat(e.since()).isEqualTo(last);
            assertThat(e.usualGap()).isEqualTo(Duration.ofHours(6));
        });
        assertThat(published).containsExactlyElementsOf(raised);

        // once: later checks find it raised already
        assertThat(harness.sources().checkHealth(now)).isEmpty();
        SourceStatus status = harness.sources().status(source.id());
        assertThat(status.alarm(Problem.SILENT))
                .hasValueSatisfying(a -> assertThat(a.since()).isEqualTo(last));

        publish("/news/new", now.minus(Duration.ofHours(1)), 100);
        harness.sources().runAndWait(source.id(), RunTrigger.MANUAL);
        List<SourceHealthChanged> recovered = harness.sources().checkHealth(now);
        assertThat(recovered).singleElement().satisfies(e -> {
            assertThat(e.problem()).isEqualTo(Problem.SILENT);
            assertThat(e.state()).isEqualTo(State.RECOVERED);
        });
        assertThat(harness.sources().status(source.id()).alarms()).isEmpty();
        assertThat(published).hasSize(2);
    }

    @Test
    void aSourceIsNotCalledSilentWhileNoRunHasLookedForNewArticlesSinceTheyWereDue() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 6; i++) {
            publish("/news/" + i, now.minus(Duration.ofHours(2 + 6L * i)), i);
        }
        addAndCrawl(); // now: its last article is two hours old

        // five days on with no run since (the app was stopped): nothing is known to be missing
        assertThat(harness.sources().checkHealth(now.plus(Duration.ofDays(5)))).isEmpty();
    }

    @Test
    void aSourceWithTooLittleHistoryIsNeverCalledSilent() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish("/news/a", now.minus(Duration.ofDays(30)), 1);
        publish("/news/b", now.minus(Duration.ofDays(29)), 2);
        addAndCrawl();

        assertThat(harness.sources().checkHealth(now)).isEmpty();
    }

    @Test
    void aSourceWhoseRunsFailThreeTimesInARowIsRaisedOnceAndRecoversWithASuccessfulRun() {
        Instant now = Instant.now();
        publish("/news/a", now.minus(Duration.ofHours(2)), 1);
        Source source = addAndCrawl();
        broken.set(true);

        assertThat(crawl(source)).isEqualTo(RunStatus.FAILED);
        assertThat(crawl(source)).isEqualTo(RunStatus.FAILED);
        assertThat(harness.sources().checkHealth(now)).isEmpty();
        assertThat(crawl(source)).isEqualTo(RunStatus.FAILED);
        List<SourceHealthChanged> raised = harness.sources().checkHealth(now);
        assertThat(raised).singleElement().satisfies(e -> {
            assertThat(e.problem()).isEqualTo(Problem.FAILING);
            assertThat(e.state()).isEqualTo(State.RAISED);
            assertThat(e.failedRuns()).isEqualTo(3);
            assertThat(e.reason()).contains("feed");
        });
        assertThat(crawl(source)).isEqualTo(RunStatus.FAILED);
        assertThat(harness.sources().checkHealth(now)).isEmpty();
        // another instance on the same database (or this one after a restart) finds it raised already
        try (CrawlerHarness other = new CrawlerHarness(database, index, dataDir, Map.of())) {
            assertThat(other.sources().checkHealth(now)).isEmpty();
        }
        assertThat(harness.sources().list())
                .filteredOn(s -> s.source().id() == source.id())
                .singleElement()
                .satisfies(s -> assertThat(s.alarm(Problem.FAILING)).isPresent());

        broken.set(false);
        assertThat(crawl(source)).isNotEqualTo(RunStatus.FAILED);
        assertThat(harness.sources().checkHealth(now))
                .singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(State.RECOVERED));
        assertThat(published).extracting(SourceHealthChanged::state).containsExactly(State.RAISED, State.RECOVERED);
    }

    @Test
    void aDisabledSourceLosesItsAlarmWithoutANotice() {
        Instant now = Instant.now();
        publish("/news/a", now.minus(Duration.ofHours(2)), 1);
        Source source = addAndCrawl();
        broken.set(true);
        for (int i = 0; i < 3; i++) {
            crawl(source);
        }
        assertThat(harness.sources().checkHealth(now)).hasSize(1);

        harness.sources()
                .update(
                        source.id(),
                        new SourceDefinition(
                                source.name(), "rss", source.url(), "PT1H", "UTC", false, null, null, null, true),
                        new org.outpost.crawler.SourceService.Editor("admin", true));
        assertThat(harness.sources().checkHealth(now)).isEmpty();
        assertThat(harness.sources().status(source.id()).alarms()).isEmpty();
    }

    private RunStatus crawl(Source source) {
        return harness.sources().runAndWait(source.id(), RunTrigger.MANUAL).status();
    }

    private Source addAndCrawl() {
        Source source = harness.add(new SourceDefinition(
                "Agency " + UUID.randomUUID(),
                "rss",
                site.url("/feed.xml"),
                "PT1H",
                "UTC",
                true,
                null,
                null,
                null,
                true));
        assertThat(crawl(source)).isEqualTo(RunStatus.SUCCEEDED);
        return source;
    }

    private void publish(String path, Instant when, int seed) {
        // the page says when it was published, as the feed does
        site.page(
                path,
                "text/html; charset=utf-8",
                FixtureSite.articleHtml("Border news " + seed, FixtureSite.story(seed + 1), path)
                        .replace("2026-03-03T08:00:00Z", when.toString()));
        items.add(new Item(path, when));
    }

    private String rss() {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Agency</title>"
                        + "<link>" + site.url("/") + "</link><description>news</description>");
        for (Item item : items) {
            xml.append("<item><title>Item ")
                    .append(item.path())
                    .append("</title><link>")
                    .append(site.url(item.path()))
                    .append("</link><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            item.published().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }
}
