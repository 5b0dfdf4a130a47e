package org.outpost.alerts;

/**
 * Whether an owner's alerts and reports may be sent now. The app that keeps the accounts answers
 * (the dashboard reads its users table on every call, so several instances sharing the database
 * agree at once); alone, the module treats every owner as active. A disabled or deleted owner's
 * subscriptions are not matched, their digests, spike alerts and reports wait, and deliveries
 * already queued for them are held (not sent, not dropped) until the account is enabled again.
 */
public interface AccountStates {

    /** @return whether {@code owner} names an existing, enabled account */
    boolean active(String owner);
}
