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
        @Nullable Boolean slack,
        @Nullable Boolean teams,
        @Nullable String chatId) {

    public static ChannelDefinition email(String address) {
        return new ChannelDefinition("email", address, null, null, null, null, null);
    }

    public static ChannelDefinition webhook(String url, @Nullable String secret, boolean slack) {
        return new ChannelDefinition("webhook", null, url, secret, slack, null, null);
    }

    /** A webhook that posts Microsoft Teams' incoming-webhook format. */
    public static ChannelDefinition teams(String url, @Nullable String secret) {
        return new ChannelDefinition("webhook", null, url, secret, null, true, null);
    }

    public static ChannelDefinition telegram(String chatId) {
        return new ChannelDefinition("telegram", null, null, null, null, null, chatId);
    }

    public static ChannelDefinition inApp() {
        return new ChannelDefinition("inapp", null, null, null, null, null, null);
    }

    public static ChannelDefinition of(Channel channel) {
        return switch (channel) {
            case Channel.Email e -> email(e.address());
            case Channel.Webhook w ->
                new ChannelDefinition("webhook", null, w.url(), w.secret(), w.slack(), w.teams() ? true : null, null);
            case Channel.Telegram t -> telegram(t.chatId());
            case Channel.InApp i -> inApp();
        };
    }
}
