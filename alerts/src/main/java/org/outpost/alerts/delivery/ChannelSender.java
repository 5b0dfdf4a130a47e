package org.outpost.alerts.delivery;

import org.outpost.alerts.subscription.Channel;

/** Sends a rendered message to one kind of channel. */
interface ChannelSender {

    boolean handles(Channel channel);

    void send(Delivery delivery, Channel channel, Message message) throws DeliveryException;
}
