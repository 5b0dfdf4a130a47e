package org.outpost.alerts.delivery;

import org.springframework.modulith.NamedInterface;

/** Where a delivery stands. */
@NamedInterface("delivery")
public enum DeliveryStatus {
    /** Waiting for its time (now, a retry, or the end of a storm window). */
    PENDING,
    /** Claimed by an instance that is sending it. */
    SENDING,
    SENT,
    /** Gave up after the configured number of attempts; shown to the owner and admins. */
    FAILED
}
