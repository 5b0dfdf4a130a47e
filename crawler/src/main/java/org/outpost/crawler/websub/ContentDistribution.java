package org.outpost.crawler.websub;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.crawl.SourceBusyException;
import org.outpost.crawler.crawl.SourceCrawler;
import org.outpost.crawler.feed.FeedEntry;
import org.outpost.crawler.feed.FeedParseException;
import org.outpost.crawler.feed.FeedReader;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.source.SourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A hub's POST of new content to a callback (WebSub §7, §8). Only a body signed with the
 * subscription's secret is taken; a missing or wrong signature is still acknowledged (the spec
 * asks for a 2xx, so a forger learns nothing) but ignored, counted and logged. A signed body is
 * read with the same feed reader as a crawl, and its items go through a run of the source
 * ({@link SourceCrawler#crawlPushed}): each article page is fetched and extracted as a crawl
 * does, and an item already crawled is skipped, so nothing is indexed twice.
 *
 * <p>The run happens after the answer, on a thread of its own: a hub waits only for the 2xx.
 */
@Component
public class ContentDistribution implements DisposableBean {

    /** What became of a POST: the HTTP status to answer with, and what happened (tests, logs). */
    public record Receipt(int httpStatus, Outcome outcome) {}

    public enum Outcome {
        /** Signed and readable: its items are being crawled. */
        ACCEPTED,
        /** No valid signature: acknowledged and ignored. */
        BAD_SIGNATURE,
        /** Signed, but not a feed: acknowledged and ignored. */
        UNREADABLE,
        /** Not a subscription of ours (any more): 410 asks the hub to drop it. */
        GONE,
        /** Larger than a fetch may be. */
        TOO_LARGE
    }

    private static final Logger log = LoggerFactory.getLogger(ContentDistribution.class);
    /** A pushed run waits this long for a run of the source in progress, a few times. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(30);

    private static final int BUSY_ATTEMPTS = 10;

    private final HubSubscriptions subscriptions;
    private final SourceCrawler crawler;
    private final WebSubSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final FeedReader feeds = new FeedReader();
    private final ScheduledExecutorService runs;
    /** Pushed runs submitted and not finished, retries included. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    ContentDistribution(
            HubSubscriptions subscriptions,
            SourceCrawler crawler,
            WebSubSettings settings,
            MeterRegistry meters,
            Optional<Clock> clock) {
        this.subscriptions = subscriptions;
        this.crawler = crawler;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock.orElse(Clock.systemUTC());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "websub-push");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.runs = executor;
    }

    /** The largest body taken, counted as it is read: the caller stops reading past it. */
    public long maxBodyBytes() {
        return settings.maxBodyBytes();
    }

    public Receipt receive(String callbackId, @Nullable String signature, byte[] body) {
        Optional<Subscription> found = subscriptions.byCallback(callbackId);
        if (found.isEmpty() || found.get().state() == SubscriptionState.UNSUBSCRIBING) {
            return count(new Receipt(410, Outcome.GONE));
        }
        Subscription s = found.get();
        if (body.length > settings.maxBodyBytes()) {
            subscriptions.rejected(s.id());
            return count(new Receipt(413, Outcome.TOO_LARGE));
        }
        if (!Signature.valid(signature, body, s.secret())) {
            subscriptions.rejected(s.id());
            log.warn(
                    "WebSub: content for {} from the callback of {} has {} signature; ignored",
                    s.topic(),
                    s.hub(),
                    signature == null ? "no" : "a wrong");
            return count(new Receipt(202, Outcome.BAD_SIGNATURE));
        }
        List<FeedEntry> entries;
        try {
            entries = feeds.readFeed(body, s.topic()).entries();
        } catch (FeedParseException e) {
            subscriptions.rejected(s.id());
            log.warn("WebSub: signed content for {} is not a feed: {}", s.topic(), e.getMessage());
            return count(new Receipt(202, Outcome.UNREADABLE));
        }
        subscriptions.delivered(s.id(), clock.instant());
        if (settings.enabled() && !entries.isEmpty()) {
            inFlight.incrementAndGet();
            submit(s.sourceId(), entries, 1, Duration.ZERO);
        }
        return count(new Receipt(202, Outcome.ACCEPTED));
    }

    private void submit(long sourceId, List<FeedEntry> entries, int attempt, Duration delay) {
        try {
            runs.schedule(() -> run(sourceId, entries, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            log.info(
                    "WebSub: shutting down; {} pushed items of source {} wait for its next poll",
                    entries.size(),
                    sourceId);
        }
    }

    private void run(long sourceId, List<FeedEntry> entries, int attempt) {
        boolean retried = false;
        try {
            CrawlRun run = crawler.crawlPushed(sourceId, entries);
            log.info("WebSub: pushed items of source {}: run {} {}", sourceId, run.id(), run.status());
        } catch (SourceBusyException e) {
            if (attempt < BUSY_ATTEMPTS) {
                retried = true;
                submit(sourceId, entries, attempt + 1, BUSY_RETRY);
            } else {
                log.info("WebSub: source {} stayed busy; its pushed items wait for its next poll", sourceId);
            }
        } catch (SourceNotFoundException e) {
            log.info("WebSub: source {} is gone; its pushed items are dropped", sourceId);
        } catch (RuntimeException e) {
            log.warn("WebSub: the pushed items of source {} could not be crawled: {}", sourceId, e.toString());
        } finally {
            if (!retried) {
                inFlight.decrementAndGet();
            }
        }
    }

    private Receipt count(Receipt receipt) {
        meters.counter(
                        "outpost.crawler.websub.deliveries",
                        "outcome",
                        receipt.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        return receipt;
    }

    /** Waits for pushed runs in progress (tests, shutdown); queued ones are left to the polls. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (inFlight.get() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void destroy() throws InterruptedException {
        runs.shutdown();
        runs.awaitTermination(30, TimeUnit.SECONDS);
    }
}
