package org.outpost.alerts.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.Subscription;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns matches into deliveries, one per channel. Called inside the caller's transaction, so a
 * match and its deliveries are stored together or not at all.
 *
 * <p>Storm control: once a subscription has had more than {@code stormThreshold} matches within
 * {@code stormWindow}, further matches join one grouped message per channel that waits until
 * the window has passed, instead of each becoming a message.
 */
@Component
public class DeliveryPlanner {

    private final DeliveryRepository deliveries;
    private final AlertsProperties properties;
    private final ApplicationEventPublisher events;

    public DeliveryPlanner(DeliveryRepository deliveries, AlertsProperties properties, ApplicationEventPublisher events) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.events = events;
    }

    /**
     * @param recentMatches matches of this subscription within the storm window, this one included
     */
    public void instant(Subscription subscription, Story story, long recentMatches, Instant now) {
        boolean storm = recentMatches > properties.stormThreshold();
        for (Channel channel : subscription.channels()) {
            if (deliveries.hasStory(subscription.id(), channel.key(), story.storyId())) {
                continue;
            }
            long id;
            if (storm) {
                id = deliveries.lockOpenGroup(subscription.id(), channel.key()).orElseGet(() -> create(subscription, channel,
                        DeliveryKind.GROUPED, "Several new matches for " + subscription.name(), null, null,
                        now.plus(properties.stormWindow()), now));
            } else {
                id = create(subscription, channel, DeliveryKind.INSTANT, story.title(), null, null, now, now);
            }
            deliveries.addStory(id, subscription.id(), channel.key(), story.storyId());
        }
    }

    /** One digest message per channel with these stories. */
    public void digest(Subscription subscription, List<Story> stories, Instant now) {
        for (Channel channel : subscription.channels()) {
            List<Story> fresh = stories.stream()
                    .filter(s -> !deliveries.hasStory(subscription.id(), channel.key(), s.storyId())).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            long id = create(subscription, channel, DeliveryKind.DIGEST, subscription.frequency().key() + " digest: "
                    + fresh.size() + (fresh.size() == 1 ? " new article" : " new articles") + " for "
                    + subscription.name(), null, null, now, now);
            fresh.forEach(s -> deliveries.addStory(id, subscription.id(), channel.key(), s.storyId()));
        }
    }

    /**
     * A spike message per channel, once per {@code dedupKey} (the spiking bucket).
     *
     * @param detail JSON the message renders: counts, baseline, top articles
     */
    public void spike(Subscription subscription, String title, String detail, String dedupKey, Instant now) {
        for (Channel channel : subscription.channels()) {
            create(subscription, channel, DeliveryKind.SPIKE, title, detail, dedupKey, now, now);
        }
    }

    /** After commit, so whoever reacts (the bell, the sender) sees the new rows. */
    private void afterCommit(Object event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(event);
                }
            });
        } else {
            events.publishEvent(event);
        }
    }

    private long create(Subscription subscription, Channel channel, DeliveryKind kind, String title,
            @Nullable String detail, @Nullable String dedupKey, Instant due, Instant now) {
        // in-app messages need no sending: they are in the log, and the bell reads the log
        boolean inApp = channel instanceof Channel.InApp;
        boolean held = due.isAfter(now);
        long id = deliveries.create(subscription.id(), subscription.owner(), channel.key(), kind, title, detail, dedupKey,
                inApp && !held ? DeliveryStatus.SENT : DeliveryStatus.PENDING, due, now);
        if (inApp && !held) {
            afterCommit(new NotificationCreated(subscription.owner(), id));
        } else if (!held) {
            afterCommit(new DeliveriesPlanned());
        }
        return id;
    }
}
