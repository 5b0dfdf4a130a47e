package org.outpost.alerts.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The delivery log as users read it: their own deliveries (admins may read everyone's), the
 * in-app inbox with its unread count, and putting a failed delivery back in the queue.
 */
@NamedInterface("delivery")
@Service
public class NotificationService {

    public static final int MAX_LIST = 500;

    private final DeliveryRepository deliveries;
    private final Clock clock;

    public NotificationService(DeliveryRepository deliveries, Optional<Clock> clock) {
        this.deliveries = deliveries;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The caller's delivery log, newest first. */
    public List<Delivery> log(String owner, @Nullable Long subscriptionId, @Nullable DeliveryStatus status, int limit) {
        return deliveries.list(owner, subscriptionId, status, null, Math.min(limit, MAX_LIST));
    }

    /** Every user's failed deliveries, for admins. */
    public List<Delivery> failed(int limit) {
        return deliveries.list(null, null, DeliveryStatus.FAILED, null, Math.min(limit, MAX_LIST));
    }

    /** The in-app inbox: in-app messages sent to this user, newest first. */
    public List<Delivery> inbox(String owner, int limit) {
        return deliveries.list(owner, null, DeliveryStatus.SENT, "inapp", Math.min(limit, MAX_LIST));
    }

    public long unread(String owner) {
        return deliveries.unread(owner);
    }

    /** Marks one (or, with null, every) in-app message of this user read. */
    public int markRead(String owner, @Nullable Long deliveryId) {
        return deliveries.markRead(owner, deliveryId, clock.instant());
    }

    public long failedCount(@Nullable String owner) {
        return deliveries.countFailed(owner);
    }

    /** @return false when the owner has no such failed delivery */
    public boolean retry(String owner, long deliveryId) {
        return deliveries.retryFailed(deliveryId, owner, clock.instant()) > 0;
    }

    public Optional<Delivery> get(String owner, long deliveryId) {
        return deliveries.find(deliveryId).filter(d -> d.owner().equals(owner));
    }
}
