package org.outpost.alerts;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alerting settings ({@code outpost.alerts.*}).
 *
 * @param publicUrl where readers reach this Outpost; links in messages start with it
 * @param mailFrom sender of alert and report emails
 * @param maxAttempts deliveries failing this many times are marked failed
 * @param retryDelay first retry delay; doubled per attempt, capped at one hour
 * @param stormThreshold more instant matches than this for one subscription within
 *        {@code stormWindow} are grouped into one message
 * @param stormWindow see {@code stormThreshold}
 * @param dispatchInterval how often pending deliveries are looked for
 * @param claimTimeout a delivery claimed longer ago than this by an instance that died is
 *        taken over
 * @param allowPrivateWebhooks whether webhooks may post to loopback and private addresses
 *        (intranet receivers, tests); off by default so a subscription cannot probe the server's network
 * @param spikeInterval how often spike alerts are checked
 * @param spikeMinCount fewest articles any spike has, whatever its sensitivity preset: a floor over
 *        the presets' own minimum counts (3, 5 and 10)
 * @param spikeCooldown a surge goes on: at most one "ongoing" update per subscription and scope this often
 * @param senderThreads how many deliveries one instance sends at once (mail and webhooks wait on the network)
 * @param scheduler whether this instance sends deliveries, digests and spike alerts on its own
 *        (tests turn it off and drive each step)
 * @param webhookDeadline the whole of one webhook POST (connect, headers and the reply) must end
 *        within this; a receiver that answers slowly is cut off and the delivery retried
 * @param webhookReplyLimit bytes of a webhook's reply read at most (the rest is discarded unread)
 * @param sendsPerOwner deliveries of one owner sent at once per channel kind: a user whose
 *        receivers are slow occupies at most this many sender threads, never all of them
 * @param secretKey base64 AES key (16, 24 or 32 bytes) that encrypts webhook secrets and Slack
 *        URLs in the database; without one, a key is generated into the data folder
 * @param confirmationExpiry how long the link of an email confirmation works
 * @param confirmationResend how soon after a confirmation message its owner may send another
 * @param subscriptionRefresh how often this instance looks for subscriptions changed on another
 *        instance sharing the database (a change made here counts at once)
 */
@ConfigurationProperties("outpost.alerts")
public record AlertsProperties(
        @Nullable URI publicUrl,
        @Nullable String mailFrom,
        @Nullable Integer maxAttempts,
        @Nullable Duration retryDelay,
        @Nullable Integer stormThreshold,
        @Nullable Duration stormWindow,
        @Nullable Duration dispatchInterval,
        @Nullable Duration claimTimeout,
        boolean allowPrivateWebhooks,
        @Nullable Duration spikeInterval,
        @Nullable Integer spikeMinCount,
        @Nullable Duration spikeCooldown,
        @Nullable Integer senderThreads,
        @Nullable Boolean scheduler,
        @Nullable Duration webhookDeadline,
        @Nullable Integer webhookReplyLimit,
        @Nullable Integer sendsPerOwner,
        @Nullable String secretKey,
        @Nullable Duration confirmationExpiry,
        @Nullable Duration confirmationResend,
        @Nullable Duration subscriptionRefresh) {

    public AlertsProperties {
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "Outpost <outpost@localhost>" : mailFrom;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        stormThreshold = stormThreshold == null ? 5 : stormThreshold;
        stormWindow = stormWindow == null ? Duration.ofMinutes(2) : stormWindow;
        dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(1) : dispatchInterval;
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(2) : claimTimeout;
        spikeInterval = spikeInterval == null ? Duration.ofMinutes(5) : spikeInterval;
        spikeMinCount = spikeMinCount == null ? 3 : spikeMinCount;
        spikeCooldown = spikeCooldown == null ? Duration.ofHours(6) : spikeCooldown;
        senderThreads = senderThreads == null ? 4 : Math.max(1, senderThreads);
        scheduler = scheduler == null || scheduler;
        webhookDeadline = webhookDeadline == null ? Duration.ofSeconds(10) : webhookDeadline;
        webhookReplyLimit = webhookReplyLimit == null ? 64 * 1024 : Math.max(0, webhookReplyLimit);
        sendsPerOwner = sendsPerOwner == null ? 2 : Math.max(1, sendsPerOwner);
        secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey.strip();
        confirmationExpiry = confirmationExpiry == null ? Duration.ofDays(7) : confirmationExpiry;
        confirmationResend = confirmationResend == null ? Duration.ofMinutes(10) : confirmationResend;
        // with the poll of the other instance's new articles, a subscription made on one instance
        // matches what another crawls within a few seconds
        subscriptionRefresh = subscriptionRefresh == null ? Duration.ofSeconds(2) : subscriptionRefresh;
    }
}
