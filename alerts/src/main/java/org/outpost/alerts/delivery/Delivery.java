package org.outpost.alerts.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** One message to one channel of one subscription, and what became of it. */
@NamedInterface("delivery")
public record Delivery(
        long id,
        long subscriptionId,
        String subscriptionName,
        String owner,
        String channel,
        DeliveryKind kind,
        String title,
        @Nullable String detail,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Instant readAt,
        List<Story> stories) {

    public String channelType() {
        int colon = channel.indexOf(':');
        return colon < 0 ? channel : channel.substring(0, colon);
    }
}
