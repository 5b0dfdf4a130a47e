package org.outpost.alerts.delivery;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.quiet.QuietTimes;
import org.outpost.alerts.report.TopicNames;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.EmailConfirmations;
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
 *
 * <p>Quiet hours: a match that comes while its subscription is quiet joins one grouped message
 * per channel that waits, stored, until the quiet time is over; a spike alert waits as well.
 * Digests due in quiet hours are put off by the {@code DigestScheduler}.
 */
@Component
public class DeliveryPlanner {

    private final DeliveryRepository deliveries;
    private final AlertsProperties properties;
    private final ApplicationEventPublisher events;
    private final ReaderLanguages readers;
    private final TopicNames topicNames;
    private final EmailConfirmations confirmations;
    private final QuietTimes quiet;

    public DeliveryPlanner(
            DeliveryRepository deliveries,
            AlertsProperties properties,
            ApplicationEventPublisher events,
            ReaderLanguages readers,
            TopicNames topicNames,
            EmailConfirmations confirmations,
            QuietTimes quiet) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.events = events;
        this.readers = readers;
        this.topicNames = topicNames;
        this.confirmations = confirmations;
        this.quiet = quiet;
    }

    /**
     * @param recentMatches matches of this subscription within the storm window, this one included
     */
    public void instant(Subscription subscription, Story story, long recentMatches, Instant now) {
        boolean storm = recentMatches > properties.stormThreshold();
        Instant release = quiet.releaseAt(subscription, now).orElse(null);
        for (Channel channel : subscription.channels()) {
            if (deliveries.hasStory(subscription.id(), channel.key(), story.storyId())) {
                continue;
            }
            long id;
            if (release != null) {
                id = deliveries
                        .lockQuietGroup(subscription.id(), channel.key(), release)
                        .orElseGet(() -> create(
                                subscription,
                                channel,
                                DeliveryKind.GROUPED,
                                texts(subscription).get("quiet.title", subscription.name()),
                                null,
                                DeliveryRepository.quietKey(release, now),
                                release,
                                now));
            } else if (storm) {
                id = deliveries
                        .lockOpenGroup(subscription.id(), channel.key())
                        .orElseGet(() -> create(
                                subscription,
                                channel,
                                DeliveryKind.GROUPED,
                                texts(subscription).get("grouped.title", subscription.name()),
                                null,
                                null,
                                now.plus(properties.stormWindow()),
                                now));
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
                    .filter(s -> !deliveries.hasStory(subscription.id(), channel.key(), s.storyId()))
                    .toList();
            if (fresh.isEmpty()) {
                continue;
            }
            ReaderTexts texts = texts(subscription);
            long id = create(
                    subscription,
                    channel,
                    DeliveryKind.DIGEST,
                    texts.count(
                            "digest.title",
                            fresh.size(),
                            texts.get("frequency." + subscription.frequency().key()),
                            subscription.name()),
                    null,
                    null,
                    now,
                    now);
            fresh.forEach(s -> deliveries.addStory(id, subscription.id(), channel.key(), s.storyId()));
        }
    }

    /**
     * A spike message per channel, once per {@code dedupKey} (the spiking bucket).
     *
     * @param detail what the message renders: counts, baseline, top articles
     */
    public void spike(Subscription subscription, SpikeDetail detail, String dedupKey, Instant now) {
        ReaderTexts texts = texts(subscription);
        String title = SpikeWording.title(detail, texts, id -> topicNames.name(id, texts.locale()));
        // in quiet hours it waits for their end, as instant matches do
        Instant due = quiet.releaseAt(subscription, now).orElse(now);
        for (Channel channel : subscription.channels()) {
            create(subscription, channel, DeliveryKind.SPIKE, title, detail.toJson(), dedupKey, due, now);
        }
    }

    /**
     * A first-seen message per channel, once per entity (its dedup key; the caller's
     * {@code alert_first_seen} row is the promise across channels).
     */
    public void firstSeen(Subscription subscription, FirstSeenDetail detail, Instant now) {
        ReaderTexts texts = texts(subscription);
        String title = texts.count(
                "firstSeen.title",
                detail.sources(),
                detail.displayName(texts.locale()),
                texts.get("firstSeen.type." + detail.type()));
        String dedupKey = FIRST_SEEN_KEY + detail.entity();
        if (dedupKey.length() > MAX_DEDUP_KEY) {
            // a gazetteer name this long is unlikely; its hash keeps the key unique and within the column
            dedupKey =
                    FIRST_SEEN_KEY + "#" + Integer.toHexString(detail.entity().hashCode())
                            + detail.entity().substring(0, MAX_DEDUP_KEY - FIRST_SEEN_KEY.length() - 10);
        }
        for (Channel channel : subscription.channels()) {
            create(subscription, channel, DeliveryKind.FIRST_SEEN, title, detail.toJson(), dedupKey, now, now);
        }
    }

    private static final String FIRST_SEEN_KEY = "first-seen:";
    /** The width of {@code alert_delivery.dedup_key}. */
    private static final int MAX_DEDUP_KEY = 200;

    /**
     * Titles are written once, in the owner's language when the delivery is planned: the in-app
     * inbox and the delivery log show them as stored.
     */
    private ReaderTexts texts(Subscription subscription) {
        return ReaderTexts.of(readers.of(subscription.owner()));
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

    private long create(
            Subscription subscription,
            Channel channel,
            DeliveryKind kind,
            String title,
            @Nullable String detail,
            @Nullable String dedupKey,
            Instant due,
            Instant now) {
        // in-app messages need no sending: they are in the log, and the bell reads the log
        boolean inApp = channel instanceof Channel.InApp;
        boolean held = due.isAfter(now);
        // an address that has not confirmed gets its one confirmation message, not the alert
        boolean unconfirmed =
                channel instanceof Channel.Email e && !confirmations.allowed(subscription.owner(), e.address());
        DeliveryStatus status = unconfirmed
                ? DeliveryStatus.UNCONFIRMED
                : inApp && !held ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
        long id = deliveries.create(
                subscription.id(),
                subscription.owner(),
                channel.key(),
                kind,
                title,
                detail,
                dedupKey,
                status,
                due,
                now);
        if (unconfirmed) {
            return id;
        }
        if (inApp && !held) {
            afterCommit(new NotificationCreated(subscription.owner(), id));
        } else if (!held) {
            afterCommit(new DeliveriesPlanned());
        }
        return id;
    }
}
