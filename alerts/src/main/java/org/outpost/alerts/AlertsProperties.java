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
 */
@ConfigurationProperties("outpost.alerts")
public record AlertsProperties(@Nullable URI publicUrl, @Nullable String mailFrom, @Nullable Integer maxAttempts,
        @Nullable Duration retryDelay, @Nullable Integer stormThreshold, @Nullable Duration stormWindow,
        @Nullable Duration dispatchInterval, @Nullable Duration claimTimeout) {

    public AlertsProperties {
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "Outpost <outpost@localhost>" : mailFrom;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        stormThreshold = stormThreshold == null ? 5 : stormThreshold;
        stormWindow = stormWindow == null ? Duration.ofMinutes(2) : stormWindow;
        dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(1) : dispatchInterval;
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(2) : claimTimeout;
    }
}
