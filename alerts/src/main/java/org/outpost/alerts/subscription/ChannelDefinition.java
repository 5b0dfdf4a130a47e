package org.outpost.alerts.subscription;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A channel as a user or the API writes it, before validation. */
@NamedInterface("subscription")
public record ChannelDefinition(
        @Nullable String type,
        @Nullable String address,
        @Nullable String url,
        @Nullable String secret,
        @Nullable Boolean slack) {

    public static ChannelDefinition email(String address) {
        return new ChannelDefinition("email", address, null, null, null);
    }

    public static ChannelDefinition webhook(String url, @Nullable String secret, boolean slack) {
        return new ChannelDefinition("webhook", null, url, secret, slack);
    }

    public static ChannelDefinition inApp() {
        return new ChannelDefinition("inapp", null, null, null, null);
    }

    public static ChannelDefinition of(Channel channel) {
        return switch (channel) {
            case Channel.Email e -> email(e.address());
            case Channel.Webhook w -> webhook(w.url(), w.secret(), w.slack());
            case Channel.InApp i -> inApp();
        };
    }
}
