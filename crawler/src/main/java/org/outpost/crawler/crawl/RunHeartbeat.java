package org.outpost.crawler.crawl;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * also renews the run's lease on its source.
 */
final class RunHeartbeat implements AutoCloseable {

    static final long PERIOD_SECONDS = 5;

    private final ScheduledFuture<?> task;

    private RunHeartbeat(ScheduledFuture<?> task) {
        this.task = task;
    }

    @Override
    public void close() {
        task.cancel(false);
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
            return new RunHeartbeat(timer.scheduleAtFixedRate(
                    () -> {
                        try {
                            runs.save(runId, counters, RunStatus.RUNNING, null);
                        } catch (RuntimeException e) {
                            log.warn("Heartbeat of run {} failed: {}", runId, e.toString());
                        }
                    },
                    PERIOD_SECONDS,
                    PERIOD_SECONDS,
                    TimeUnit.SECONDS));
        }

        @Override
        public void destroy() {
            timer.shutdownNow();
        }
    }
}
