package org.outpost.crawler.crawl;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.fetch.FetchResult;
import org.outpost.crawler.run.RunCounters;
import org.outpost.crawler.run.RunRepository;
import org.outpost.crawler.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run in progress: its source, counters, errors, and whether it was asked to stop. */
final class RunContext {

    private static final Logger log = LoggerFactory.getLogger(RunContext.class);

    final Source source;
    final long runId;
    final RunCounters counters = new RunCounters();
    /** Validators seen in this run, saved only if it completes. */
    final Map<URI, FetchValidators.Validators> validators = new HashMap<>();

    private final RunRepository runs;
    private final CrawlMetrics metrics;
    private final BooleanSupplier stopRequested;
    private volatile BooleanSupplier claimLost = () -> false;

    RunContext(Source source, long runId, RunRepository runs, CrawlMetrics metrics, BooleanSupplier stopRequested) {
        this.source = source;
        this.runId = runId;
        this.runs = runs;
        this.metrics = metrics;
        this.stopRequested = stopRequested;
    }

    boolean shouldStop() {
        return stopRequested.getAsBoolean()
                || claimLost.getAsBoolean()
                || Thread.currentThread().isInterrupted();
    }

    /** Also stop when this says the run lost its lease on the source. */
    void stopWhen(BooleanSupplier lost) {
        this.claimLost = lost;
    }

    void fetched(FetchResult result) {
        metrics.fetched(source.name(), result);
        if (result.status() == FetchResult.Status.OK) {
            counters.fetched(result.body().length);
        }
    }

    void error(@Nullable String url, String kind, String reason) {
        counters.error();
        metrics.error(source.name(), kind);
        log.info("Source '{}' run {}: {} {} — {}", source.name(), runId, kind, url == null ? "" : url, reason);
        runs.error(runId, url, kind, reason);
    }
}
