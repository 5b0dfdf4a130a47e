package org.outpost.crawler.crawl;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.outpost.core.article.Article;
import org.outpost.crawler.extract.ArticleExtractor;
import org.outpost.crawler.extract.ExtractedArticle;
import org.outpost.crawler.extract.ExtractionException;
import org.outpost.crawler.fetch.FetchResult;
import org.outpost.crawler.fetch.PageFetcher;
import org.outpost.crawler.ingest.IngestBatch;
import org.springframework.stereotype.Component;

/**
 * The first stages for the article pages discovery found: fetch ({@link PageFetch}), extract
 * ({@link ArticleExtractor}), build the article ({@link PageArticle}); then the ingest batch. Pages
 * already turned into articles are skipped unless the listing says they changed. A page is
 * recorded as crawled in the transaction that publishes its article.
 */
@Component
class PageCrawl {

    private final CrawledPages crawled;
    private final CrawlSettings settings;
    private final PageFetch fetch;
    private final ArticleExtractor extractor = new ArticleExtractor();

    PageCrawl(CrawledPages crawled, CrawlSettings settings) {
        this.crawled = crawled;
        this.settings = settings;
        this.fetch = new PageFetch(settings);
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
            Optional<CrawledPages.Known> known =
                    crawled.find(run.source.id(), link.uri().toString());
            if (known.isPresent()
                    && (link.updated() == null
                            || !link.updated().isAfter(known.get().fetchedAt()))) {
                run.counters.unchanged();
                continue;
            }
            if (deferredHosts.contains(link.uri().getHost())) {
                continue;
            }
            if (fetched >= settings.maxPagesPerRun()) {
                run.error(
                        null,
                        "LIMIT",
                        "more than " + settings.maxPagesPerRun() + " new pages; the rest are fetched by the next runs");
                return;
            }
            fetched++;
            FetchResult result = fetch.fetch(run, fetcher, link.uri());
            if (PageFetch.isThrottled(result)) {
                deferredHosts.add(link.uri().getHost());
                run.error(
                        link.uri().toString(),
                        "DEFERRED",
                        "the server asks to slow down (HTTP " + result.httpStatus()
                                + (result.retryAfter() == null
                                        ? ""
                                        : ", Retry-After " + result.retryAfter().toSeconds() + " s")
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
        Article article = PageArticle.of(extracted, link, run.source.name(), run.source.language(), Instant.now());
        String address = link.uri().toString();
        batch.add(article, settled -> {
            RunOutcomes.count(run, settled.outcome());
            if (settled.outcome().isSettled()) {
                crawled.record(
                        run.source.id(),
                        address,
                        settled.article().id(),
                        settled.article().contentHash(),
                        settled.outcome(),
                        settled.article().datedAt());
            } else {
                run.error(address, "INDEX", "the index refused the article: " + settled.reason());
            }
        });
    }

    private static String describe(FetchResult result) {
        return switch (result.status()) {
            case UNSUPPORTED_CONTENT_TYPE -> "skipped: " + result.reason();
            default -> result.reason() == null ? result.status().name() : result.reason();
        };
    }
}
