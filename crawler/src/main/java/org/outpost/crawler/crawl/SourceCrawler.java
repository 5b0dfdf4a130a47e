package org.outpost.crawler.crawl;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.outpost.crawler.fetch.PageFetcher;
import org.outpost.crawler.ingest.IngestBatch;
import org.outpost.crawler.ingest.IngestPipeline;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunRepository;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceNotFoundException;
import org.outpost.crawler.source.SourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one source once: discover, fetch, extract, ingest, and record the run. Callers (the
 * Quartz job, the app's startup) make sure one source is not crawled twice at once.
 */
@Component
public class SourceCrawler {

    private static final Logger log = LoggerFactory.getLogger(SourceCrawler.class);

    private final SourceRepository sources;
    private final RunRepository runs;
    private final IngestPipeline pipeline;
    private final Fetchers fetchers;
    private final WebDiscovery discovery;
    private final PageCrawl pages;
    private final FolderCrawl folders;
    private final FetchValidators validators;
    private final CrawlMetrics metrics;
    private final RunHeartbeat.Sender heartbeat;

    SourceCrawler(
            SourceRepository sources,
            RunRepository runs,
            IngestPipeline pipeline,
            Fetchers fetchers,
            WebDiscovery discovery,
            PageCrawl pages,
            FolderCrawl folders,
            FetchValidators validators,
            CrawlMetrics metrics,
            RunHeartbeat.Sender heartbeat) {
        this.sources = sources;
        this.runs = runs;
        this.pipeline = pipeline;
        this.fetchers = fetchers;
        this.discovery = discovery;
        this.pages = pages;
        this.folders = folders;
        this.validators = validators;
        this.metrics = metrics;
        this.heartbeat = heartbeat;
    }

    /**
     * Crawls the source now and returns the recorded run.
     *
     * @param stopRequested polled between pages: the run ends INTERRUPTED, keeping what it indexed
     * @throws SourceBusyException when a run of the source is live (here or on another instance)
     */
    public CrawlRun crawl(long sourceId, RunTrigger trigger, BooleanSupplier stopRequested) {
        Source source = sources.find(sourceId).orElseThrow(() -> new SourceNotFoundException(sourceId));
        java.util.Optional<Long> started = runs.tryStart(sourceId, trigger);
        if (started.isEmpty()) {
            log.info("Source '{}' is being crawled already; this {} run is skipped", source.name(), trigger);
            throw new SourceBusyException(source.name());
        }
        long runId = started.get();
        RunContext run = new RunContext(source, runId, runs, metrics, stopRequested);
        try (RunHeartbeat beat = heartbeat.start(runId, run.counters)) {
            run.stopWhen(beat::lost);
            return crawl(source, run, runId);
        }
    }

    /**
     * The least time robots.txt asks between two visits of the source's site (its Crawl-delay; zero
     * for folders, sites that set none, and when the thread is interrupted).
     */
    public java.time.Duration crawlDelay(Source source) {
        if (!source.type().isRemote()) {
            return java.time.Duration.ZERO;
        }
        try {
            return fetchers.forSource(source).pollDelay(java.net.URI.create(source.url()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.time.Duration.ZERO;
        } catch (IllegalArgumentException e) {
            return java.time.Duration.ZERO;
        }
    }

    /**
     * Crawls the article pages of items a WebSub hub pushed, as a run of the source would (same
     * page fetch, extraction, dedup and ingest), without reading the feed again.
     *
     * @throws SourceBusyException when a run of the source is live; the caller tries again later
     */
    public CrawlRun crawlPushed(long sourceId, List<org.outpost.crawler.feed.FeedEntry> entries) {
        Source source = sources.find(sourceId).orElseThrow(() -> new SourceNotFoundException(sourceId));
        java.util.Optional<Long> started = runs.tryStart(sourceId, RunTrigger.PUSH);
        if (started.isEmpty()) {
            throw new SourceBusyException(source.name());
        }
        long runId = started.get();
        RunContext run = new RunContext(source, runId, runs, metrics, () -> false);
        List<Link> links = WebDiscovery.links(entries);
        try (RunHeartbeat beat = heartbeat.start(runId, run.counters)) {
            run.stopWhen(beat::lost);
            return crawl(source, run, runId, (r, fetcher) -> links);
        }
    }

    /** Where a run's article addresses come from: the source's listing, or what a hub pushed. */
    private interface Listing {
        List<Link> links(RunContext run, PageFetcher fetcher) throws DiscoveryException;
    }

    private CrawlRun crawl(Source source, RunContext run, long runId) {
        return crawl(source, run, runId, discovery::discover);
    }

    private CrawlRun crawl(Source source, RunContext run, long runId, Listing listing) {
        long sourceId = source.id();
        RunStatus status;
        String message = null;
        try (IngestBatch batch = pipeline.batch()) {
            if (source.type().isRemote()) {
                PageFetcher fetcher = fetchers.forSource(source);
                List<Link> links = listing.links(run, fetcher);
                pages.crawl(run, fetcher, links, batch);
            } else {
                folders.crawl(run, batch);
            }
            batch.flush();
            status = statusOf(run);
        } catch (DiscoveryException e) {
            run.error(source.url(), e.kind(), e.getMessage());
            status = RunStatus.FAILED;
            message = e.getMessage();
        } catch (RuntimeException e) {
            log.error("Run {} of source '{}' failed", runId, source.name(), e);
            run.error(null, "INTERNAL", e.toString());
            status = RunStatus.FAILED;
            message = "unexpected error: " + e;
        }
        if (status == RunStatus.SUCCEEDED || status == RunStatus.DEGRADED) {
            // only a run that settled every page may skip an unchanged listing next time: after a
            // partial run, a 304 would hide the pages that failed
            validators.saveAll(sourceId, run.validators);
        }
        if (message == null) {
            message = summary(run, status);
        }
        runs.save(runId, run.counters, status, message);
        metrics.run(source.name(), status.name());
        log.info("Source '{}' run {}: {} — {}", source.name(), runId, status, message);
        return runs.find(runId).orElseThrow();
    }

    private static RunStatus statusOf(RunContext run) {
        if (run.shouldStop()) {
            return RunStatus.INTERRUPTED;
        }
        if (run.counters.articlesQueued() > 0) {
            return RunStatus.DEGRADED;
        }
        return run.counters.errors() > 0 ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
    }

    private static String summary(RunContext run, RunStatus status) {
        return switch (status) {
            case INTERRUPTED -> "stopped before the end; the next run fetches the rest";
            case DEGRADED ->
                run.counters.articlesQueued() + " articles wait for the index, which was unavailable;"
                        + " they are indexed when it returns";
            case PARTIAL -> run.counters.errors() + " pages failed; see the errors";
            default -> "ok";
        };
    }
}
