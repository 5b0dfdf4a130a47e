package org.outpost.crawler.websub;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code outpost.crawler.websub.*}, checked at startup (see {@code CrawlerProperties.WebSub}).
 *
 * @param callbackUrl where hubs reach this deployment; null only when disabled
 * @param maxBodyBytes the largest content distribution taken, as for fetched pages
 * @param allowPrivateHubs whether hubs may be on private addresses (the deployment lets every
 *     source reach them); otherwise only sources an admin marked intranet may have such hubs
 */
public record WebSubSettings(
        boolean enabled,
        @Nullable URI callbackUrl,
        Duration lease,
        Duration renewMargin,
        Duration backstopInterval,
        long maxBodyBytes,
        boolean allowPrivateHubs,
        Duration requestTimeout) {

    /** The callback address of one subscription. */
    String callback(String callbackId) {
        if (callbackUrl == null) {
            throw new IllegalStateException("WebSub has no callback-url");
        }
        return callbackUrl.toString().replaceAll("/+$", "") + "/websub/" + callbackId;
    }

    /**
     * When a lease granted now is renewed: the margin before its end, or halfway through a lease
     * shorter than twice the margin (a hub may grant less than asked).
     */
    java.time.Instant renewAt(java.time.Instant verified, Duration granted) {
        Duration margin = renewMargin.compareTo(granted.dividedBy(2)) > 0 ? granted.dividedBy(2) : renewMargin;
        return verified.plus(granted).minus(margin);
    }
}
