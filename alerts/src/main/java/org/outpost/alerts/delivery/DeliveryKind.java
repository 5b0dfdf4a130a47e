package org.outpost.alerts.delivery;

/** What a message carries. */
public enum DeliveryKind {
    /** One matching article, sent as it arrives. */
    INSTANT,
    /** Several instant matches that arrived in a burst (storm control), in one message. */
    GROUPED,
    /** The matches collected since the previous digest. */
    DIGEST,
    /** The subscription's volume jumped above its baseline. */
    SPIKE
}
