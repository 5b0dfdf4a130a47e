package org.outpost.dashboard.index;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.index.MappingUpgrade;
import org.outpost.dashboard.classify.RescoreService;
import org.outpost.dashboard.classify.RescoreStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs the mapping upgrade when this build's mapping version is newer than the one the read alias serves: the article
 * index writes every article to both versions from the start, a re-scoring run rewrites every stored article (each is
 * copied to the new version on the way, scored by the current classifier), then the articles other instances wrote
 * meanwhile are caught up and the read alias switches. No second rewrite loop: re-scoring is the copy, and its
 * progress is the upgrade's. A restart midway starts the copy again; copies are versioned, so nothing is doubled.
 */
@Service
public class IndexUpgradeService {

    private static final Logger log = LoggerFactory.getLogger(IndexUpgradeService.class);
    /** Writes this long before the start are caught up too: another instance's clock may lag. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private final MappingUpgrade upgrade;
    private final RescoreService rescore;
    private final Duration pollEvery;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outpost-index-upgrade");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<IndexUpgradeStatus> status = new AtomicReference<>();
    private @Nullable ScheduledFuture<?> watching;

    @Autowired
    IndexUpgradeService(MappingUpgrade upgrade, RescoreService rescore) {
        this(upgrade, rescore, Duration.ofSeconds(2));
    }

    IndexUpgradeService(MappingUpgrade upgrade, RescoreService rescore, Duration pollEvery) {
        this.upgrade = upgrade;
        this.rescore = rescore;
        this.pollEvery = pollEvery;
    }

    public IndexUpgradeStatus status() {
        IndexUpgradeStatus known = status.get();
        if (known == null) {
            return current();
        }
        if (known.state() == IndexUpgradeStatus.State.COPYING) {
            return withCopy(known, rescore.status());
        }
        return known;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            startIfNeeded();
        } catch (IndexUnavailableException e) {
            log.warn("Could not check the article index's mapping version: {}", e.getMessage());
        }
    }

    /** @return whether an upgrade was started */
    synchronized boolean startIfNeeded() {
        if (!upgrade.pending() || watching != null) {
            return false;
        }
        int serving = upgrade.servingVersion();
        int target = upgrade.targetVersion().orElseThrow();
        Instant since = Instant.now().minus(CLOCK_MARGIN);
        RescoreStatus copy;
        try {
            copy = rescore.start();
        } catch (IllegalStateException running) {
            // a run started since this instance writes to both versions copies just as well
            copy = rescore.status();
        }
        log.info(
                "Upgrading the article index from mapping version {} to {}: copying through re-scoring",
                serving,
                target);
        Instant copyStarted = copy.startedAt();
        status.set(new IndexUpgradeStatus(
                IndexUpgradeStatus.State.COPYING, serving, target, copy, Instant.now(), null, null));
        watching = watcher.scheduleWithFixedDelay(
                () -> check(since, copyStarted), pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private void check(Instant since, @Nullable Instant copyStarted) {
        RescoreStatus copy = rescore.status();
        if (copy.state() == RescoreStatus.State.RUNNING) {
            return;
        }
        boolean ours = copyStarted == null
                || (copy.startedAt() != null && !copy.startedAt().isBefore(copyStarted));
        if (copy.state() == RescoreStatus.State.FINISHED && ours) {
            try {
                upgrade.catchUp(since);
                upgrade.switchOver();
                IndexUpgradeStatus before = status.get();
                status.set(new IndexUpgradeStatus(
                        IndexUpgradeStatus.State.SWITCHED,
                        upgrade.servingVersion(),
                        null,
                        copy,
                        before == null ? null : before.startedAt(),
                        Instant.now(),
                        null));
            } catch (RuntimeException e) {
                log.warn("The article index's mapping upgrade could not switch", e);
                fail(copy, e.getMessage());
            }
        } else {
            fail(copy, copy.error() != null ? copy.error() : "the copy stopped: " + copy.state());
        }
        stopWatching();
    }

    private void fail(RescoreStatus copy, @Nullable String error) {
        status.updateAndGet(s -> new IndexUpgradeStatus(
                IndexUpgradeStatus.State.FAILED,
                s == null ? 0 : s.servingVersion(),
                s == null ? null : s.targetVersion(),
                copy,
                s == null ? null : s.startedAt(),
                null,
                error));
    }

    private synchronized void stopWatching() {
        if (watching != null) {
            watching.cancel(false);
            watching = null;
        }
    }

    private IndexUpgradeStatus current() {
        try {
            int serving = upgrade.servingVersion();
            Integer target = upgrade.targetVersion().isPresent()
                    ? upgrade.targetVersion().getAsInt()
                    : null;
            return new IndexUpgradeStatus(IndexUpgradeStatus.State.CURRENT, serving, target, null, null, null, null);
        } catch (IndexUnavailableException e) {
            return new IndexUpgradeStatus(IndexUpgradeStatus.State.FAILED, 0, null, null, null, null, e.getMessage());
        }
    }

    private static IndexUpgradeStatus withCopy(IndexUpgradeStatus s, RescoreStatus copy) {
        return new IndexUpgradeStatus(
                s.state(), s.servingVersion(), s.targetVersion(), copy, s.startedAt(), s.switchedAt(), s.error());
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
    }
}
