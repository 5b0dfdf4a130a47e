package org.outpost.alerts.delivery;

import org.springframework.modulith.NamedInterface;

/** An in-app notification reached a user's bell (published after it is stored; the transaction may still be open). */
@NamedInterface("delivery")
public record NotificationCreated(String owner, long deliveryId) {}
