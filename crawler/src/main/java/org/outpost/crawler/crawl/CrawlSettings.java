package org.outpost.crawler.crawl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param maxPagesPerRun article pages fetched per run at most; the rest wait for the next run
 * @param maxRetryWait the longest a run waits for one page (Retry-After, back-off); a host asking
 *     for more is left for the next run
 * @param pageAttempts tries per page on 429 and 5xx
 * @param folderRoots folders under which folder sources may read (nothing else on the server)
 * @param maxSitemaps child sitemaps read per run from a sitemap index
 */
public record CrawlSettings(
        int maxPagesPerRun, Duration maxRetryWait, int pageAttempts, List<Path> folderRoots, int maxSitemaps) {

    public CrawlSettings {
        folderRoots =
                folderRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    public boolean folderAllowed(Path folder) {
        Path normal = folder.toAbsolutePath().normalize();
        return folderRoots.stream().anyMatch(normal::startsWith);
    }
}
