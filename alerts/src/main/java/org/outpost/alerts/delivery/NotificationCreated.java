package org.outpost.alerts.delivery;

/** An in-app notification reached a user's bell (published after it is stored; the transaction may still be open). */
public record NotificationCreated(String owner, long deliveryId) {
}
