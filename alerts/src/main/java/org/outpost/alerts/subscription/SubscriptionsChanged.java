package org.outpost.alerts.subscription;

/** Published after a subscription is created, changed or deleted in this instance. */
public record SubscriptionsChanged(long subscriptionId) {}
