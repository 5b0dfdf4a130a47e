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
 * @param adaptive how adaptive sources learn their pace, {@code outpost.crawler.adaptive.*}
 * @param websub subscribing to feeds' WebSub hubs, {@code outpost.crawler.websub.*}
 * @param benchmarkOnlyMinInterval the politeness floor: no source is polled more often than this.
 *     It stays a minute in every deployment; only the freshness benchmark, which compresses time,
 *     lowers it (the name says so, so nobody mistakes it for a tuning knob)
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
        @DefaultValue("3") int failedRunsInRow,
        @DefaultValue Adaptive adaptive,
        @DefaultValue WebSub websub,
        @DefaultValue("1m") Duration benchmarkOnlyMinInterval) {

    public CrawlerProperties {
        folderRoots = folderRoots == null ? List.of() : List.copyOf(folderRoots);
    }

    /**
     * {@code outpost.crawler.adaptive.*}: the deployment's bounds and rules for sources whose
     * schedule is {@code adaptive}.
     *
     * @param initialInterval how often a source with too little history is polled
     * @param minInterval the shortest interval for sources that set none (never under a minute)
     * @param maxInterval the longest interval for sources that set none
     * @param gapFraction the interval as a fraction of the median gap between a source's articles
     * @param minimumArticles articles needed before a gap is learned
     * @param history how far back articles count (at most the latest 50)
     * @param silenceFactor a silence longer than this many long gaps (the 90th percentile of recent
     *     gaps) slows polling in proportion
     * @param budgetInterval adaptive sources together poll no more than if each were polled this
     *     often; what their own paces leave goes to the busiest ({@code 0s}: no budget is spent)
     * @param promptInterval the interval the budget gives the busiest sources
     */
    record Adaptive(
            @DefaultValue("15m") Duration initialInterval,
            @DefaultValue("1m") Duration minInterval,
            @DefaultValue("6h") Duration maxInterval,
            @DefaultValue("0.25") double gapFraction,
            @DefaultValue("5") int minimumArticles,
            @DefaultValue("30d") Duration history,
            @DefaultValue("2") double silenceFactor,
            @DefaultValue("15m") Duration budgetInterval,
            @DefaultValue("1m") Duration promptInterval) {}

    /**
     * {@code outpost.crawler.websub.*}: subscribing to the WebSub hubs feeds advertise, so a hub
     * pushes new items instead of waiting for the next poll. Off by default: a hub must be able to
     * reach this deployment from outside, which only its operator knows.
     *
     * @param enabled whether feeds' hubs are subscribed to
     * @param callbackUrl the address hubs reach this deployment at (its callbacks are {@code
     *     <callbackUrl>/websub/<random id>}); required when enabled
     * @param lease the lease asked of hubs ({@code hub.lease_seconds}); a hub may grant another
     * @param renewMargin a subscription is renewed this long before its lease ends
     * @param backstopInterval an adaptive source with an active subscription is still polled, at
     *     most this often, in case the hub misses an item
     */
    record WebSub(
            @DefaultValue("false") boolean enabled,
            @org.jspecify.annotations.Nullable String callbackUrl,
            @DefaultValue("10d") Duration lease,
            @DefaultValue("1h") Duration renewMargin,
            @DefaultValue("6h") Duration backstopInterval) {

        WebSub {
            callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
            if (enabled) {
                if (callbackUrl == null) {
                    throw new IllegalArgumentException("outpost.crawler.websub.enabled is true but"
                            + " outpost.crawler.websub.callback-url is not set: give the address hubs reach this"
                            + " deployment at from outside, e.g. https://outpost.example.org");
                }
                callbackUri(callbackUrl);
            }
            if (lease.toSeconds() < 60 || renewMargin.isNegative() || backstopInterval.toSeconds() < 60) {
                throw new IllegalArgumentException("outpost.crawler.websub: lease and backstop-interval must be at"
                        + " least a minute and renew-margin not negative");
            }
        }

        /** The callback address, checked: absolute http(s) with a host. */
        java.net.@org.jspecify.annotations.Nullable URI callbackUri() {
            return callbackUrl == null ? null : callbackUri(callbackUrl);
        }

        private static java.net.URI callbackUri(String value) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(value);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(
                        "outpost.crawler.websub.callback-url is not an address: '" + value + "'", e);
            }
            String scheme = uri.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
                throw new IllegalArgumentException("outpost.crawler.websub.callback-url must be an absolute"
                        + " http:// or https:// address hubs can reach, was '" + value + "'");
            }
            return uri;
        }
    }
}
