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
    FAILED,
    /**
     * Not sent, and never will be: its email address has not confirmed it wants the owner's mail
     * (a confirmation message went there instead). Alerts matched before the confirmation are
     * not sent afterwards, as with Google Alerts.
     */
    UNCONFIRMED
}
