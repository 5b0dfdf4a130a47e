package org.outpost.crawler.websub;

/** Where a subscription stands with its hub. */
public enum SubscriptionState {
    /** Asked for; the hub has not verified it yet (or the request failed and is retried). */
    PENDING,
    /** Verified: the hub pushes new items until the lease ends; renewed before that. */
    ACTIVE,
    /** The hub refused it ({@code hub.mode=denied}), or it cannot be asked for; see the error. */
    DENIED,
    /** The lease ran out before a renewal was verified; asked for again. */
    EXPIRED,
    /** Being ended (source removed or disabled, setting off, hub changed): waits for the hub's check. */
    UNSUBSCRIBING
}
