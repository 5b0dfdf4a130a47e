package org.outpost.crawler.crawl;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.run.RunCounters;
import org.outpost.crawler.run.RunRepository;
import org.outpost.crawler.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Saves a live run's counters every few seconds from a timer, not from the crawl thread: a page
 * can take half a minute, and a silent run would look like one whose instance died. The save
 * also renews the run's lease on its source. A run whose lease is gone ({@link #lost()}: another
 * instance ended it as dead, or no save succeeded for nearly a lease period) must stop, or two
 * instances would fetch the source's pages at once.
 */
final class RunHeartbeat implements AutoCloseable {

    static final long PERIOD_SECONDS = 5;
    /** A run unsaved for this long stops before its lease can lapse and another instance start. */
    static final Duration SILENT_LIMIT = RunRepository.LEASE.minusSeconds(10);

    private volatile @Nullable ScheduledFuture<?> task;
    private volatile boolean ended;
    private volatile long savedNanos = System.nanoTime();

    private RunHeartbeat() {}

    /** Whether this run lost its claim on the source and must stop. */
    boolean lost() {
        return ended || System.nanoTime() - savedNanos > SILENT_LIMIT.toNanos();
    }

    private void beat(RunRepository runs, long runId, RunCounters counters) {
        try {
            if (runs.save(runId, counters, RunStatus.RUNNING, null)) {
                savedNanos = System.nanoTime();
            } else {
                ended = true; // marked interrupted by an instance that took this run for dead
            }
        } catch (RuntimeException e) {
            Sender.log.warn("Heartbeat of run {} failed: {}", runId, e.toString());
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** The timer shared by all runs of this instance. */
    @Component
    static class Sender implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);

        private final RunRepository runs;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outpost-run-heartbeat");
            thread.setDaemon(true);
            return thread;
        });

        Sender(RunRepository runs) {
            this.runs = runs;
        }

        RunHeartbeat start(long runId, RunCounters counters) {
            RunHeartbeat heartbeat = new RunHeartbeat();
            heartbeat.task = timer.scheduleAtFixedRate(
                    () -> heartbeat.beat(runs, runId, counters), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
            return heartbeat;
        }

        @Override
        public void destroy() {
            timer.shutdownNow();
        }
    }
}
