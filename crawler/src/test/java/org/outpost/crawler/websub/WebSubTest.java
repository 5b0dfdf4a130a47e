package org.outpost.crawler.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.postgres.TestDatabases;
import org.outpost.crawler.PollPace;
import org.outpost.crawler.WebSubCallbacks;
import org.outpost.crawler.crawl.CrawlerHarness;
import org.outpost.crawler.crawl.FixtureSite;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.schedule.CrawlScheduler;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;

/**
 * WebSub end to end with real parts: a feed on a real HTTP server that advertises a hub, a hub
 * on a real HTTP server that takes the subscription and calls the callback back (verification
 * with a challenge, then signed content), the callback on a real HTTP server answering through
 * the crawler's {@link WebSubCallbacks}, a real H2 database and the test Elasticsearch node.
 */
@Tag(TestDatabases.TAG)
class WebSubTest {

    @TempDir
    Path data;

    final String database = "websub" + UUID.randomUUID().toString().replace("-", "");
    final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "websub-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));

    FixtureSite site;
    HubFixture hub;
    CallbackServer callbacks;
    CrawlerHarness crawler;

    @BeforeEach
    void start() throws Exception {
        index.ensureExists();
        site = new FixtureSite();
        hub = new HubFixture();
        callbacks = new CallbackServer();
    }

    @AfterEach
    void stop() {
        if (crawler != null) {
            crawler.close();
        }
        callbacks.close();
        hub.close();
        site.close();
    }

    void startCrawler(Map<String, Object> properties) {
        crawler = new CrawlerHarness(database, index, data, properties);
        callbacks.answerWith(crawler.bean(WebSubCallbacks.class));
    }

    void startWithWebSub() {
        startCrawler(Map.of(
                "outpost.crawler.websub.enabled", "true", "outpost.crawler.websub.callback-url", callbacks.base()));
    }

    @Test
    void aSubscribedFeedsPushedItemIsVerifiedSignedAndIndexedOnce() throws Exception {
        startWithWebSub();
        Source source = subscribedSource();
        Subscription active = subscription(source);
        site.article("/news/2026/03/second", "Weapons found in Osh", 2);
        byte[] pushed = feed("/news/2026/03/second", "/news/2026/03/first");

        int status = hub.publish(active.callbackUrl(), pushed, Signature.sign("sha256", pushed, active.secret()));
        awaitPushedRuns();

        assertThat(status).isEqualTo(202);
        CrawlRun push = crawler.sources().runs(source.id(), 1).getFirst();
        assertThat(push.trigger()).isEqualTo(RunTrigger.PUSH);
        assertThat(push.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(push.articlesNew()).isEqualTo(1);
        assertThat(push.articlesUnchanged()).isEqualTo(1); // the item crawled before is not fetched again
        assertThat(urls()).containsExactlyInAnyOrder(site.url("/news/2026/03/first"), site.url("/news/2026/03/second"));
        assertThat(subscription(source).deliveries()).isEqualTo(1);

        // the same push again, then the back-stop poll of the feed that now lists it: nothing twice
        hub.publish(active.callbackUrl(), pushed, Signature.sign("sha512", pushed, active.secret()));
        awaitPushedRuns();
        site.page("/feed.xml", "application/rss+xml", new String(pushed, StandardCharsets.UTF_8));
        CrawlRun poll = crawler.sources().runAndWait(source.id(), RunTrigger.SCHEDULE);

        assertThat(poll.articlesNew()).isZero();
        assertThat(urls()).hasSize(2);
        assertThat(site.requestsOf("/news/2026/03/second")).isEqualTo(1);
    }

    @Test
    void aPushWithAWrongOrMissingSignatureIsAcknowledgedAndChangesNothing() throws Exception {
        startWithWebSub();
        Source source = subscribedSource();
        Subscription active = subscription(source);
        site.article("/news/2026/03/forged", "Forged story", 3);
        byte[] pushed = feed("/news/2026/03/forged");

        int wrong = hub.publish(active.callbackUrl(), pushed, Signature.sign("sha256", pushed, "not-the-secret"));
        int missing = hub.publish(active.callbackUrl(), pushed, null);
        awaitPushedRuns();

        assertThat(wrong).isEqualTo(202);
        assertThat(missing).isEqualTo(202);
        assertThat(urls()).containsExactly(site.url("/news/2026/03/first"));
        assertThat(site.requestsOf("/news/2026/03/forged")).isZero();
        assertThat(crawler.sources().runs(source.id(), 5)).hasSize(1);
        Subscription after = subscription(source);
        assertThat(after.rejected()).isEqualTo(2);
        assertThat(after.deliveries()).isZero();
    }

    @Test
    void aVerificationForAnUnknownTopicOrCallbackOrAnUnaskedModeIsRefusedWith404() throws Exception {
        startWithWebSub();
        Source source = subscribedSource();
        Subscription active = subscription(source);

        HubFixture.Verification otherTopic = hub.check(
                "subscribe",
                active.callbackUrl(),
                "hub.mode=subscribe&hub.topic=" + HubFixture.encode("http://elsewhere.example/feed")
                        + "&hub.challenge=c1",
                "c1");
        HubFixture.Verification unknownCallback = hub.check(
                "subscribe",
                callbacks.base() + "/websub/unknown",
                "hub.mode=subscribe&hub.topic="
                        + HubFixture.encode(active.topic().toString()) + "&hub.challenge=c2",
                "c2");
        HubFixture.Verification notAsked = hub.check(
                "unsubscribe",
                active.callbackUrl(),
                "hub.mode=unsubscribe&hub.topic="
                        + HubFixture.encode(active.topic().toString()) + "&hub.challenge=c3",
                "c3");

        assertThat(otherTopic.status()).isEqualTo(404);
        assertThat(unknownCallback.status()).isEqualTo(404);
        assertThat(notAsked.status()).isEqualTo(404);
        assertThat(subscription(source).state()).isEqualTo(SubscriptionState.ACTIVE);
    }

    @Test
    void aSubscriptionIsRenewedBeforeItsLeaseEndsAndPollingSlowsToTheBackstopMeanwhile() throws Exception {
        startWithWebSub();
        Source source = subscribedSource();
        Subscription active = subscription(source);
        WebSubSubscriber subscriber = crawler.bean(WebSubSubscriber.class);

        // the hub granted a day; the renewal is due an hour (the renew margin) before it ends
        assertThat(Duration.between(active.verifiedAt(), active.leaseUntil())).isEqualTo(Duration.ofDays(1));
        Instant renewAt = active.nextActionAt();
        assertThat(renewAt).isEqualTo(active.leaseUntil().minus(Duration.ofHours(1)));
        assertThat(crawler.bean(WebSubJobs.class).nextFire()).isPresent();
        PollPace pace = crawler.bean(CrawlScheduler.class).pace(source);
        assertThat(pace.why()).isEqualTo(PollPace.Why.PUSHED);
        assertThat(pace.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(crawler.sources().status(source.id()).websub().state()).isEqualTo("active");

        subscriber.maintain(renewAt.minusSeconds(1));
        assertThat(hub.requests("subscribe")).hasSize(1);

        subscriber.maintain(renewAt.plusSeconds(1));
        assertThat(hub.requests("subscribe")).hasSize(2);
        assertThat(hub.requests("subscribe").get(1).get("hub.callback")).isEqualTo(active.callbackUrl());
        HubFixture.Verification renewal = hub.nextVerification();
        assertThat(renewal.status()).isEqualTo(200);
        assertThat(renewal.echoed()).isTrue();
        assertThat(subscription(source).leaseUntil()).isAfter(active.leaseUntil());
    }

    @Test
    void removingTheSourceUnsubscribesAndTheHubsCheckOfThatIsAnswered() throws Exception {
        startWithWebSub();
        Source source = subscribedSource();
        Subscription active = subscription(source);

        crawler.sources().delete(source.id());

        assertThat(hub.requests("unsubscribe")).hasSize(1);
        assertThat(hub.requests("unsubscribe").getFirst().get("hub.callback")).isEqualTo(active.callbackUrl());
        HubFixture.Verification check = hub.nextVerification();
        assertThat(check.mode()).isEqualTo("unsubscribe");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.echoed()).isTrue();
        assertThat(crawler.bean(HubSubscriptions.class).all()).isEmpty();
    }

    @Test
    void offByDefaultNoHubIsAskedAndNothingIsStored() throws Exception {
        startCrawler(Map.of());
        site.page("/feed.xml", "application/rss+xml", new String(feed("/news/2026/03/first"), StandardCharsets.UTF_8))
                .article("/news/2026/03/first", "Heroin seized near Khorog", 1);
        Source source = crawler.add(definition());

        CrawlRun run = crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);
        crawler.bean(WebSubSubscriber.class).maintain(Instant.now().plus(Duration.ofDays(30)));

        assertThat(run.articlesNew()).isEqualTo(1);
        assertThat(hub.requests).isEmpty();
        assertThat(crawler.bean(HubSubscriptions.class).all()).isEmpty();
        assertThat(crawler.sources().status(source.id()).websub()).isNull();
        assertThat(crawler.bean(CrawlScheduler.class).pace(source).why()).isNotEqualTo(PollPace.Why.PUSHED);
    }

    @Test
    void enabledWithoutACallbackAddressTheCrawlerRefusesToStart() {
        assertThatThrownBy(() -> startCrawler(Map.of("outpost.crawler.websub.enabled", "true")))
                .rootCause()
                .hasMessageContaining("outpost.crawler.websub.callback-url is not set");
        assertThatThrownBy(() -> startCrawler(Map.of(
                        "outpost.crawler.websub.enabled", "true",
                        "outpost.crawler.websub.callback-url", "ftp://outpost.example.org")))
                .rootCause()
                .hasMessageContaining("must be an absolute http:// or https:// address");
    }

    /** A source whose feed advertises the hub, crawled once, its subscription verified. */
    private Source subscribedSource() throws InterruptedException {
        site.page("/feed.xml", "application/rss+xml", new String(feed("/news/2026/03/first"), StandardCharsets.UTF_8))
                .article("/news/2026/03/first", "Heroin seized near Khorog", 1);
        Source source = crawler.add(definition());
        CrawlRun first = crawler.sources().runAndWait(source.id(), RunTrigger.MANUAL);
        assertThat(first.articlesNew()).isEqualTo(1);

        assertThat(hub.requests("subscribe")).hasSize(1);
        Map<String, String> asked = hub.requests("subscribe").getFirst();
        assertThat(asked.get("hub.topic")).isEqualTo(site.url("/feed.xml"));
        assertThat(asked.get("hub.callback")).startsWith(callbacks.base() + "/websub/");
        assertThat(asked.get("hub.callback").substring(callbacks.base().length() + 8))
                .hasSize(43);
        assertThat(asked.get("hub.secret")).hasSize(64);
        assertThat(asked.get("hub.lease_seconds"))
                .isEqualTo(Long.toString(Duration.ofDays(10).toSeconds()));
        HubFixture.Verification verified = hub.nextVerification();
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.echoed()).isTrue();
        assertThat(subscription(source).state()).isEqualTo(SubscriptionState.ACTIVE);
        return source;
    }

    private Subscription subscription(Source source) {
        return crawler.bean(HubSubscriptions.class).current(source.id()).orElseThrow();
    }

    private SourceDefinition definition() {
        return new SourceDefinition(
                "Pushed agency", "rss", site.url("/feed.xml"), "adaptive", "UTC", true, null, null, null, true);
    }

    /** An RSS feed of these article paths that names the hub and itself. */
    private byte[] feed(String... paths) {
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><title>")
                    .append(path)
                    .append("</title><link>")
                    .append(site.url(path))
                    .append("</link></item>");
        }
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>"
                        + "<title>Agency</title><link>" + site.url("/") + "</link><description>d</description>"
                        + "<atom:link rel=\"hub\" href=\"" + hub.url() + "\"/>"
                        + "<atom:link rel=\"self\" href=\"" + site.url("/feed.xml") + "\"/>"
                        + items + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void awaitPushedRuns() throws InterruptedException {
        assertThat(crawler.bean(ContentDistribution.class).awaitIdle(Duration.ofMinutes(2)))
                .as("pushed runs finished")
                .isTrue();
    }

    private List<String> urls() {
        index.refresh();
        List<Article> all = new ArrayList<>();
        index.forEachBatch(500, batch -> batch.forEach(v -> all.add(v.article())));
        return all.stream().map(Article::canonicalUrl).toList();
    }
}
