package org.outpost.crawler.crawl;

import java.net.URI;
import java.time.Duration;
import org.outpost.crawler.fetch.FetchRequest;
import org.outpost.crawler.fetch.FetchResult;
import org.outpost.crawler.fetch.PageFetcher;

/**
 * The fetch stage for an article page: one fetch, retried on 429 and 5xx with back-off while the
 * wait stays within the run's patience.
 */
final class PageFetch {

    private final CrawlSettings settings;

    PageFetch(CrawlSettings settings) {
        this.settings = settings;
    }

    FetchResult fetch(RunContext run, PageFetcher fetcher, URI uri) {
        FetchResult result = fetcher.fetch(new FetchRequest(uri, null, null));
        run.fetched(result);
        for (int attempt = 1; attempt < settings.pageAttempts() && isThrottled(result); attempt++) {
            // the server's Retry-After, else 2 s, 4 s, ...: a run waits seconds, the scheduler's back-off hours
            Duration wait = result.retryAfter() != null ? result.retryAfter() : Duration.ofSeconds(1L << attempt);
            if (settings.maxRetryWait().compareTo(wait) < 0 || run.shouldStop()) {
                return result;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = fetcher.fetch(new FetchRequest(uri, null, null));
            run.fetched(result);
        }
        return result;
    }

    /** The server asks to slow down (429) or is failing (5xx). */
    static boolean isThrottled(FetchResult result) {
        return result.status() == FetchResult.Status.HTTP_ERROR
                && (result.httpStatus() == 429 || result.httpStatus() >= 500);
    }
}
