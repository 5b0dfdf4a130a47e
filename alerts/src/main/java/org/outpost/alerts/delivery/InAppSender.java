package org.outpost.alerts.delivery;

import org.outpost.alerts.subscription.Channel;
import org.springframework.stereotype.Component;

/** In-app: the delivery log is the inbox, so there is nothing to send; the dispatcher announces it once recorded. */
@Component
class InAppSender implements ChannelSender {

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.InApp;
    }

    @Override
    public void send(Delivery delivery, Channel channel, Message message) {}
}
