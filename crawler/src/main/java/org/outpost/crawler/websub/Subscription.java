package org.outpost.crawler.websub;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code websub_subscription}. */
public record Subscription(
        long id,
        long sourceId,
        URI topic,
        URI hub,
        String callbackId,
        String callbackUrl,
        String secret,
        SubscriptionState state,
        Instant requestedAt,
        @Nullable Instant verifiedAt,
        @Nullable Long leaseSeconds,
        @Nullable Instant leaseUntil,
        @Nullable Instant nextActionAt,
        @Nullable String lastError,
        int failedRequests,
        int deliveries,
        int rejected,
        @Nullable Instant lastDeliveryAt) {

    /** Whether the hub is pushing the source's items now. */
    public boolean pushing(Instant now) {
        return state == SubscriptionState.ACTIVE && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
