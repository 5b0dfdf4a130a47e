package org.outpost.alerts.delivery;

/** Deliveries due now were stored (published after commit): the sender need not wait for its next round. */
public record DeliveriesPlanned() {}
