package org.outpost.crawler.crawl;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.outpost.core.article.Article;
import org.outpost.crawler.extract.ArticleExtractor;
import org.outpost.crawler.extract.ExtractedArticle;
import org.outpost.crawler.extract.ExtractionException;
import org.outpost.crawler.fetch.FetchRequest;
import org.outpost.crawler.fetch.FetchResult;
import org.outpost.crawler.fetch.PageFetcher;
import org.outpost.crawler.ingest.IngestBatch;
import org.springframework.stereotype.Component;

/**
 * Fetches the article pages discovery found, extracts them and hands them to the ingest batch.
 * Pages already turned into articles are skipped unless the listing says they changed.
 */
@Component
class PageCrawl {

    private final CrawledPages crawled;
    private final CrawlSettings settings;
    private final ArticleExtractor extractor = new ArticleExtractor();

    PageCrawl(CrawledPages crawled, CrawlSettings settings) {
        this.crawled = crawled;
        this.settings = settings;
    }

    void crawl(RunContext run, PageFetcher fetcher, List<Link> links, IngestBatch batch) {
        Set<String> deferredHosts = new HashSet<>();
        Set<URI> seen = new HashSet<>();
        int fetched = 0;
        for (Link link : links) {
            if (run.shouldStop()) {
                return;
            }
            if (!seen.add(link.uri()) || !run.source.accepts(link.uri().toString())) {
                continue;
            }
            Optional<CrawledPages.Known> known = crawled.find(run.source.id(), link.uri().toString());
            if (known.isPresent() && (link.updated() == null || !link.updated().isAfter(known.get().fetchedAt()))) {
                run.counters.unchanged();
                continue;
            }
            if (deferredHosts.contains(link.uri().getHost())) {
                continue;
            }
            if (fetched >= settings.maxPagesPerRun()) {
                run.error(null, "LIMIT", "more than " + settings.maxPagesPerRun()
                        + " new pages; the rest are fetched by the next runs");
                return;
            }
            fetched++;
            FetchResult result = fetchWithRetries(run, fetcher, link.uri());
            if (result.status() == FetchResult.Status.HTTP_ERROR && isThrottled(result)) {
                deferredHosts.add(link.uri().getHost());
                run.error(link.uri().toString(), "DEFERRED", "the server asks to slow down (HTTP " + result.httpStatus()
                        + (result.retryAfter() == null ? "" : ", Retry-After " + result.retryAfter().toSeconds() + " s")
                        + "); its remaining pages wait for the next run");
                continue;
            }
            if (!result.isOk()) {
                run.error(link.uri().toString(), result.status().name(), describe(result));
                continue;
            }
            ingest(run, link, result, batch);
        }
    }

    private void ingest(RunContext run, Link link, FetchResult result, IngestBatch batch) {
        ExtractedArticle extracted;
        try {
            extracted = extractor.extract(result.text(), result.finalUri());
        } catch (ExtractionException e) {
            run.error(link.uri().toString(), "EXTRACTION", e.getMessage());
            return;
        } catch (RuntimeException e) {
            run.error(link.uri().toString(), "EXTRACTION", "the page could not be parsed: " + e);
            return;
        }
        String title = extracted.title().isBlank() && link.title() != null ? link.title() : extracted.title();
        // the feed's or sitemap's date is declared metadata; a date read from the page's text is a guess
        boolean pageDate = extracted.publishedAt() != null && !(extracted.datedFromText() && link.published() != null);
        Instant published = pageDate ? extracted.publishedAt() : link.published();
        // the address shown, exported and mailed is the canonical one: a feed link's utm_* and
        // from=rss belong to the visit, not to the article; the address fetched stays in the crawled-pages record
        String canonical = extracted.canonicalUrl().toString();
        Article article = Article.builder(run.source.name(), title, extracted.text())
                .url(canonical)
                .canonicalUrl(canonical)
                .author(extracted.author())
                .publishedAt(published)
                .datedFromText(pageDate && extracted.datedFromText())
                .fetchedAt(Instant.now())
                .language(extracted.language() != null ? extracted.language() : run.source.language())
                .build();
        String address = link.uri().toString();
        batch.add(article, settled -> {
            RunOutcomes.count(run, settled.outcome());
            if (settled.outcome().isSettled()) {
                crawled.record(run.source.id(), address, settled.article().id(), settled.article().contentHash(),
                        settled.outcome());
            } else {
                run.error(address, "INDEX", "the index refused the article: " + settled.reason());
            }
        });
    }

    /** Retries 429 and 5xx with back-off while the wait stays within the run's patience. */
    private FetchResult fetchWithRetries(RunContext run, PageFetcher fetcher, URI uri) {
        FetchResult result = fetcher.fetch(new FetchRequest(uri, null, null));
        run.fetched(result);
        for (int attempt = 1; attempt < settings.pageAttempts() && isRetryable(result); attempt++) {
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

    private static boolean isRetryable(FetchResult result) {
        return result.status() == FetchResult.Status.HTTP_ERROR && isThrottled(result);
    }

    private static boolean isThrottled(FetchResult result) {
        return result.httpStatus() == 429 || result.httpStatus() >= 500;
    }

    private static String describe(FetchResult result) {
        return switch (result.status()) {
            case UNSUPPORTED_CONTENT_TYPE -> "skipped: " + result.reason();
            default -> result.reason() == null ? result.status().name() : result.reason();
        };
    }
}
