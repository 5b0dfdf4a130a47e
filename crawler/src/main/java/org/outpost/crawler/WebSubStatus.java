package org.outpost.crawler;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A source's WebSub subscription as the Sources view and the API show it.
 *
 * @param state {@code pending}, {@code active}, {@code denied}, {@code expired} or {@code unsubscribing}
 * @param leaseUntil when the hub stops pushing unless renewed (active)
 * @param error the hub's refusal, or why the last request failed
 * @param deliveries signed pushes taken
 * @param rejected pushes ignored: no or a wrong signature, not a feed, too large
 */
public record WebSubStatus(
        String state,
        String hub,
        String topic,
        @Nullable Instant leaseUntil,
        @Nullable String error,
        int deliveries,
        int rejected,
        @Nullable Instant lastDelivery) {}
