package org.outpost.crawler.crawl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.outpost.crawler.source.Schedule;

/**
 * @param maxPagesPerRun article pages fetched per run at most; the rest wait for the next run
 * @param maxRetryWait the longest a run waits for one page (Retry-After, back-off); a host asking
 *     for more is left for the next run
 * @param pageAttempts tries per page on 429 and 5xx
 * @param folderRoots folders under which folder sources may read (nothing else on the server)
 * @param maxSitemaps child sitemaps read per run from a sitemap index
 * @param minInterval no source is given a schedule more often than this (a minute, {@link
 *     Schedule#MIN_INTERVAL}, except in the freshness benchmark)
 */
public record CrawlSettings(
        int maxPagesPerRun,
        Duration maxRetryWait,
        int pageAttempts,
        List<Path> folderRoots,
        int maxSitemaps,
        Duration minInterval) {

    /** The settings with the politeness floor every deployment has. */
    public CrawlSettings(
            int maxPagesPerRun, Duration maxRetryWait, int pageAttempts, List<Path> folderRoots, int maxSitemaps) {
        this(maxPagesPerRun, maxRetryWait, pageAttempts, folderRoots, maxSitemaps, Schedule.MIN_INTERVAL);
    }

    public CrawlSettings {
        folderRoots =
                folderRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /**
     * Whether the folder really lies under a root: symbolic links are resolved on both sides first,
     * so a link inside a root that points elsewhere ({@code /data/sources/etc -> /etc}) is outside,
     * and a root that is itself a link still holds what it points to.
     */
    public boolean folderAllowed(Path folder) {
        Path real = realPath(folder);
        return folderRoots.stream().map(CrawlSettings::realPath).anyMatch(real::startsWith);
    }

    /**
     * The path with every symbolic link resolved. Of a path that does not exist (yet), the part
     * that exists is resolved and the rest appended, so a missing folder under a link is judged
     * by where the link leads.
     */
    public static Path realPath(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        Path existing = normal;
        while (existing != null) {
            try {
                return existing.toRealPath().resolve(existing.relativize(normal));
            } catch (IOException e) {
                existing = existing.getParent();
            }
        }
        return normal;
    }
}
