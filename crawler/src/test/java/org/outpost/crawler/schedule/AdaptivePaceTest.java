package org.outpost.crawler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.crawler.PollPace;
import org.outpost.crawler.SourceStatus;
import org.outpost.crawler.crawl.CrawlerHarness;
import org.outpost.crawler.crawl.FixtureSite;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;

/**
 * Adaptive sources against a real HTTP server, the crawler wired as the app wires it: the pace
 * learned from a feed that publishes every twenty minutes, what an unchanged feed costs, the
 * back-offs, robots.txt's Crawl-delay, and a restart. Time is a fixed clock, never waited for.
 */
class AdaptivePaceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    static final Duration EVERY = Duration.ofMinutes(20);
    static final int ARTICLES = 12;

    @TempDir
    Path data;

    final String database = "pace" + UUID.randomUUID().toString().replace("-", "");
    final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "pace-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
    /** Every request the site answered, as "path status". */
    final List<String> requests = new CopyOnWriteArrayList<>();

    FixtureSite site;
    CrawlerHarness crawler;
    volatile boolean feedBroken;

    @BeforeEach
    void start() throws IOException {
        index.ensureExists();
        site = new FixtureSite();
        crawler = harness();
    }

    @AfterEach
    void stop() {
        crawler.close();
        site.close();
    }

    CrawlerHarness harness() {
        return new CrawlerHarness(database, index, data, Map.of("outpost.crawler.page-attempts", "1"));
    }

    @Test
    void aFeedPublishingEveryTwentyMinutesIsPolledEveryFiveAndAnUnchangedFeedCostsOneRequest() {
        publishEveryTwentyMinutes();
        Source feed = addFeed(null); // no schedule given: a new source is adaptive

        CrawlRun first = run(feed);
        PollPace pace = learn(feed, CLOCK.instant());

        assertThat(feed.schedule().isAdaptive()).isTrue();
        assertThat(first.articlesNew()).isEqualTo(ARTICLES);
        assertThat(pace.why()).isEqualTo(PollPace.Why.PUBLISHES);
        assertThat(pace.usualGap()).isEqualTo(EVERY);
        assertThat(pace.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(scheduler().triggerInterval(feed.id())).contains(Duration.ofMinutes(5));
        SourceStatus status = crawler.sources().status(feed.id());
        assertThat(status.pace()).isEqualTo(pace);
        assertThat(status.pace().describe(Locale.ENGLISH)).isEqualTo("every 5 min: publishes about every 20 min");

        requests.clear();
        index.refresh();
        long indexedBefore = index.count();
        CrawlRun second = run(feed);

        assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(requests).containsExactly("/feed.xml 304"); // one small request, nothing else
        assertThat(second.articlesNew() + second.articlesUpdated()).isZero();
        index.refresh();
        assertThat(index.count()).isEqualTo(indexedBefore);
        assertThat(learn(feed, CLOCK.instant()).interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void silenceSlowsItDownAndARestartKeepsTheLearnedPace() {
        publishEveryTwentyMinutes();
        Source feed = addFeed("adaptive");
        run(feed);

        Instant tenHoursLater = CLOCK.instant().plus(Duration.ofHours(10));
        PollPace quiet = learn(feed, tenHoursLater);

        assertThat(quiet.why()).isEqualTo(PollPace.Why.SILENT);
        assertThat(quiet.silentFor()).isEqualTo(Duration.ofHours(10).plusMinutes(3));
        assertThat(quiet.interval()).isEqualTo(Duration.ofMinutes(150).plusSeconds(45)); // a quarter of the silence
        assertThat(scheduler().triggerInterval(feed.id())).contains(quiet.interval());

        crawler.close();
        crawler = harness();

        assertThat(crawler.sources().status(feed.id()).pace()).isEqualTo(quiet);
        assertThat(scheduler().triggerInterval(feed.id())).contains(quiet.interval());
    }

    @Test
    void failedRunsDoubleTheIntervalWithinTheSourcesBoundsAndASuccessRestoresIt() {
        publishEveryTwentyMinutes();
        Source feed = addFeed("adaptive PT3M PT30M");
        run(feed);
        assertThat(learn(feed, CLOCK.instant()).interval()).isEqualTo(Duration.ofMinutes(5));

        feedBroken = true;
        assertThat(run(feed).status()).isEqualTo(RunStatus.FAILED);
        PollPace once = learn(feed, CLOCK.instant());
        assertThat(run(feed).status()).isEqualTo(RunStatus.FAILED);
        PollPace twice = learn(feed, CLOCK.instant());
        run(feed);
        PollPace thrice = learn(feed, CLOCK.instant());

        assertThat(once.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(twice.interval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(twice.describe(Locale.ENGLISH)).isEqualTo("every 20 min: its last 2 runs failed");
        assertThat(thrice.interval()).isEqualTo(Duration.ofMinutes(30)); // the source's longest
        assertThat(thrice.bound()).isEqualTo(PollPace.Bound.LONGEST);

        feedBroken = false;
        assertThat(run(feed).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(learn(feed, CLOCK.instant()).interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void robotsCrawlDelayIsTheShortestIntervalEvenForANewSource() {
        site.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n");
        publishEveryTwentyMinutes();
        Source feed = addFeed("adaptive PT1M PT30M");

        PollPace pace = learn(feed, CLOCK.instant());

        assertThat(pace.why()).isEqualTo(PollPace.Why.NEW);
        assertThat(pace.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(pace.bound()).isEqualTo(PollPace.Bound.CRAWL_DELAY);
        assertThat(scheduler().triggerInterval(feed.id())).contains(Duration.ofHours(1));
    }

    @Test
    void aSourceOnAFixedScheduleIsLeftAsItIs() {
        publishEveryTwentyMinutes();
        Source feed = addFeed("PT1H");
        run(feed);

        assertThat(crawler.bean(AdaptivePace.class).afterRun(feed.id(), CLOCK.instant()))
                .isEmpty();
        assertThat(crawler.sources().status(feed.id()).pace()).isNull();
        assertThat(scheduler().triggerInterval(feed.id())).contains(Duration.ofHours(1));
    }

    @Test
    void aRunOfTheQuartzJobLearnsThePaceAndMovesItsOwnTrigger() throws InterruptedException {
        crawler.close();
        crawler = new CrawlerHarness(
                database,
                index,
                data,
                Map.of("outpost.crawler.page-attempts", "1", "outpost.crawler.scheduler", "true"));
        publishEveryTwentyMinutes(Instant.now()); // the job learns on the system clock
        Source feed = addFeed("adaptive"); // an enabled new source is run at once, by its job

        PollPace learned = awaitPace(feed);
        assertThat(learned.why()).isEqualTo(PollPace.Why.PUBLISHES);
        assertThat(learned.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(scheduler().triggerInterval(feed.id())).contains(Duration.ofMinutes(5));
    }

    /** Waits for the job to finish and learn (bounded; what is asserted is its result, not its speed). */
    PollPace awaitPace(Source feed) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            PollPace pace = scheduler().learnedPaces().get(feed.id());
            if (pace != null) {
                return pace;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job of source " + feed.id() + " learned no pace within a minute");
    }

    void publishEveryTwentyMinutes() {
        publishEveryTwentyMinutes(CLOCK.instant());
    }

    /** Twelve articles twenty minutes apart, the newest three minutes before {@code now}. */
    void publishEveryTwentyMinutes(Instant now) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ARTICLES; i++) {
            Instant published = now.minus(Duration.ofMinutes(3)).minus(EVERY.multipliedBy(i));
            String path = "/news/item-" + i;
            items.append("<item><title>Border report ")
                    .append(i)
                    .append("</title><link>")
                    .append(site.url(path))
                    .append("</link><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Fixture</title>"
                + "<link>" + site.url("/") + "</link><description>Test</description>" + items + "</channel></rss>";
        site.on("/feed.xml", ex -> feed(ex, rss));
        for (int i = 0; i < ARTICLES; i++) {
            String path = "/news/item-" + i;
            Instant published = now.minus(Duration.ofMinutes(3)).minus(EVERY.multipliedBy(i));
            String html = FixtureSite.articleHtml("Border report " + i, FixtureSite.story(i + 1), path)
                    .replace("2026-03-03T08:00:00Z", published.toString());
            site.on(path, ex -> answer(ex, path, 200, "text/html; charset=utf-8", html));
        }
    }

    private void feed(HttpExchange ex, String rss) throws IOException {
        if (feedBroken) {
            answer(ex, "/feed.xml", 404, "text/plain", "gone");
            return;
        }
        String etag = "\"feed-" + Integer.toHexString(rss.hashCode()) + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            requests.add("/feed.xml 304");
            ex.sendResponseHeaders(304, -1);
            return;
        }
        answer(ex, "/feed.xml", 200, "application/rss+xml", rss);
    }

    private void answer(HttpExchange ex, String path, int status, String type, String body) throws IOException {
        requests.add(path + " " + status);
        FixtureSite.respond(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    Source addFeed(String schedule) {
        return crawler.add(new SourceDefinition(
                "Adaptive fixture", "rss", site.url("/feed.xml"), schedule, "UTC", true, null, null, null, true));
    }

    CrawlRun run(Source source) {
        return crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);
    }

    PollPace learn(Source source, Instant now) {
        return crawler.bean(AdaptivePace.class).afterRun(source.id(), now).orElseThrow();
    }

    CrawlScheduler scheduler() {
        return crawler.bean(CrawlScheduler.class);
    }
}
