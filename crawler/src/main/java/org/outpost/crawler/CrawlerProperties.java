package org.outpost.crawler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Crawler settings, {@code outpost.crawler.*}.
 *
 * @param userAgent sent with every request; names Outpost and where to complain
 * @param perHostDelay pause between two requests to one host (robots.txt Crawl-delay wins when longer)
 * @param maxBodyBytes largest page body, counted after decompression
 * @param allowPrivateAddresses lets every source reach private and loopback addresses (intranet deployments)
 * @param folderRoots the only folders folder sources may read
 * @param defaultSources whether the shipped list of regional sources is added (disabled) on first start
 * @param healthCheckInterval how often sources are checked for silence and failures
 * @param silenceGapMultiplier a source is silent after this many times its median gap between articles
 * @param silenceMinimum and never before this long without an article
 * @param silenceMinimumArticles articles a source needs in {@code silenceHistory} before it can be called silent
 * @param silenceHistory how far back a source's articles teach its usual gap
 * @param failedRunsInRow failed runs in a row that make a source failing
 */
@ConfigurationProperties("outpost.crawler")
record CrawlerProperties(
        @DefaultValue(
                "Outpost/0.1 (+https://github.com/outpost-monitor/outpost; news monitor for security in Central Asia)")
        String userAgent,

        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("1s") Duration perHostDelay,
        @DefaultValue("10485760") long maxBodyBytes,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("500") int maxPagesPerRun,
        @DefaultValue("30s") Duration maxRetryWait,
        @DefaultValue("3") int pageAttempts,
        @DefaultValue("50") int maxSitemaps,
        List<Path> folderRoots,
        @DefaultValue("true") boolean defaultSources,
        @DefaultValue("50") int batchSize,
        @DefaultValue("15s") Duration queueDrainInterval,
        @DefaultValue("true") boolean scheduler,
        @DefaultValue("2") int threads,
        @DefaultValue("10s") Duration startupDelay,
        @DefaultValue("15s") Duration clusterCheckin,
        @DefaultValue("15m") Duration healthCheckInterval,
        @DefaultValue("3") double silenceGapMultiplier,
        @DefaultValue("1d") Duration silenceMinimum,
        @DefaultValue("5") int silenceMinimumArticles,
        @DefaultValue("90d") Duration silenceHistory,
        @DefaultValue("3") int failedRunsInRow) {

    public CrawlerProperties {
        folderRoots = folderRoots == null ? List.of() : List.copyOf(folderRoots);
    }
}
