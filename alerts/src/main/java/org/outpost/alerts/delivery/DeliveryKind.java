package org.outpost.alerts.delivery;

import org.springframework.modulith.NamedInterface;

/** What a message carries. */
@NamedInterface("delivery")
public enum DeliveryKind {
    /** One matching article, sent as it arrives. */
    INSTANT,
    /** Several instant matches that arrived in a burst (storm control), in one message. */
    GROUPED,
    /** The matches collected since the previous digest. */
    DIGEST,
    /** The subscription's volume jumped above its baseline. */
    SPIKE,
    /** An entity no article had named for a while is now named in several sources (a new name). */
    FIRST_SEEN
}
