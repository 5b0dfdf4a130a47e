package org.outpost.dashboard.alert.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.DeliveryStatus;
import org.outpost.alerts.delivery.Story;

/** JSON shapes of the notifications (delivery log) API. */
final class NotificationJson {

    private NotificationJson() {}

    static String key(DeliveryStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    record Subscription(long id, String name) {}

    record Article(
            String id,
            String storyId,
            String title,
            @Nullable String url,
            String source,
            @Nullable Instant datedAt) {

        static Article of(Story s) {
            return new Article(s.articleId(), s.storyId(), s.title(), s.url(), s.source(), s.datedAt());
        }
    }

    /**
     * One message to one channel. {@code channel} is the channel type, {@code target} the address
     * or URL it went to (the caller's own), {@code read} only applies to in-app messages.
     */
    record Response(
            long id,
            Subscription subscription,
            String channel,
            String target,
            String kind,
            String title,
            String status,
            int attempts,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant readAt,
            List<Article> articles) {

        static Response of(Delivery d) {
            int colon = d.channel().indexOf(':');
            String target = colon < 0 ? "" : d.channel().substring(colon + 1);
            boolean waiting = d.status() == DeliveryStatus.PENDING || d.status() == DeliveryStatus.SENDING;
            return new Response(
                    d.id(),
                    new Subscription(d.subscriptionId(), d.subscriptionName()),
                    d.channelType(),
                    target,
                    d.kind().name().toLowerCase(Locale.ROOT),
                    d.title(),
                    key(d.status()),
                    d.attempts(),
                    d.lastError(),
                    d.createdAt(),
                    d.sentAt(),
                    waiting ? d.nextAttemptAt() : null,
                    d.readAt(),
                    d.stories().stream().map(Article::of).toList());
        }
    }

    record Failed(long count, List<Owned> items) {}

    /** An admin's view of a delivery: whose it is. */
    record Owned(String owner, Response delivery) {}

    record Unread(long unread) {}
}
