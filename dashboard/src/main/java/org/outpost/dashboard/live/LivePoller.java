package org.outpost.dashboard.live;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.NotificationCreated;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Shows here what the other app instances recorded in {@code live_event}: every
 * {@code poll-interval} it reads the rows after its cursor (one indexed range read of at most
 * {@code poll-limit} rows), skips its own, and hands the others' to the same in-JVM listeners a
 * local event reaches: new articles to {@link ArticleFeed} (read from the index by id), new
 * notifications as {@link NotificationCreated}, topic reloads as {@link TopicsReloadedElsewhere},
 * notifications read as {@link InboxChangedElsewhere}; new articles are also announced as
 * {@link ArticlesIndexedElsewhere}, for the caches of counts.
 * Every few minutes it also deletes rows older than the retention.
 */
@Component
class LivePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LivePoller.class);
    private static final Duration CLEAN_UP = Duration.ofMinutes(5);

    private final LiveEvents events;
    private final ArticleFeed articles;
    private final ArticleIndex index;
    private final ApplicationEventPublisher publisher;
    private final LiveProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService timer;
    private @Nullable LiveCursor cursor;
    private long lastCleanUp = System.nanoTime();

    LivePoller(
            LiveEvents events,
            ArticleFeed articles,
            ArticleIndex index,
            ApplicationEventPublisher publisher,
            LiveProperties properties,
            Optional<Clock> clock) {
        this.events = events;
        this.articles = articles;
        this.index = index;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public synchronized void start() {
        if (timer != null || properties.pollInterval().isZero()) {
            return;
        }
        try {
            // from now on: what happened before this instance started is in the pages it renders,
            // and what happens once it has started (its context refreshed) is not missed
            cursor = new LiveCursor(events.latest(), properties.gapGrace());
        } catch (RuntimeException e) {
            log.warn("Could not read where the other instances' events stand; the first poll will: {}", e.toString());
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outpost-live-poll").daemon().factory());
        long every = properties.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::pollQuietly, 0, every, TimeUnit.MILLISECONDS);
        timer = started;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the database is away: the next poll goes on from the same cursor
            log.debug("Reading the other instances' events failed: {}", e.toString());
        }
    }

    /** One poll; returns how many rows of other instances it handed on. */
    synchronized int poll() {
        if (cursor == null) {
            cursor = new LiveCursor(events.latest(), properties.gapGrace());
        }
        List<LiveEvent> rows = events.after(cursor.floor(), properties.pollLimit());
        List<LiveEvent> fresh = new ArrayList<>();
        for (LiveEvent row : rows) {
            if (cursor.take(row.id()) && !row.origin().equals(events.origin())) {
                fresh.add(row);
            }
        }
        cursor.advance(System.nanoTime());
        hand(fresh);
        cleanUp();
        return fresh.size();
    }

    private void hand(List<LiveEvent> fresh) {
        List<String> articleIds = new ArrayList<>();
        for (LiveEvent row : fresh) {
            switch (row.kind()) {
                case ARTICLE -> articleIds.add(row.ref());
                case NOTIFICATION ->
                    LiveEventRecorder.replaying(() -> publisher.publishEvent(new NotificationCreated(
                            String.valueOf(row.owner()), Long.parseLong(String.valueOf(row.ref())))));
                case TOPICS -> publisher.publishEvent(new TopicsReloadedElsewhere(row.origin()));
                case INBOX -> publisher.publishEvent(new InboxChangedElsewhere(String.valueOf(row.owner())));
            }
        }
        if (!articleIds.isEmpty()) {
            // this instance's cached counts may lack them, whether or not a page here shows them
            publisher.publishEvent(new ArticlesIndexedElsewhere(articleIds.size()));
        }
        if (!articleIds.isEmpty() && articles.subscribers() > 0) {
            Map<String, Article> found = index.getAll(articleIds);
            articleIds.stream().map(found::get).filter(a -> a != null).forEach(articles::deliver);
        }
    }

    private void cleanUp() {
        if (System.nanoTime() - lastCleanUp < CLEAN_UP.toNanos()) {
            return;
        }
        lastCleanUp = System.nanoTime();
        int deleted = events.deleteBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.debug("Deleted {} live events older than {}", deleted, properties.retention());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
