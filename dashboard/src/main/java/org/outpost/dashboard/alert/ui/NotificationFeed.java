package org.outpost.dashboard.alert.ui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.outpost.alerts.delivery.NotificationCreated;
import org.outpost.alerts.source.SourceNoticesChanged;
import org.outpost.dashboard.live.InboxChangedElsewhere;
import org.outpost.dashboard.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a user's open pages (the bell, the Notifications view) that their inbox changed: a
 * notification arrived, or one was read in another tab. Like {@code ArticleFeed}, a page
 * subscribes when attached and unsubscribes when detached. A notification created by another
 * instance arrives here as the same event, re-published by {@code live.LivePoller} within its
 * poll interval, and so does a read in a tab open on another instance. Source notices count on the
 * bell as well: one told or read on this instance updates the user's pages here and, as an inbox
 * change, on the other instances.
 */
@Component
class NotificationFeed {

    private static final Logger log = LoggerFactory.getLogger(NotificationFeed.class);

    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private final LiveEvents live;

    NotificationFeed(LiveEvents live) {
        this.live = live;
    }

    Runnable subscribe(String owner, Runnable listener) {
        listeners.computeIfAbsent(owner, o -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(owner, (o, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    @EventListener
    void on(NotificationCreated event) {
        changed(event.owner());
    }

    @EventListener
    void on(SourceNoticesChanged event) {
        read(event.recipient());
    }

    @EventListener
    void on(InboxChangedElsewhere event) {
        changed(event.owner());
    }

    /**
     * The owner read notifications (or their source notices changed) here: their pages on this
     * and the other instances count again.
     */
    void read(String owner) {
        changed(owner);
        try {
            live.inboxChanged(owner);
        } catch (RuntimeException e) {
            // their tabs on other instances count again at the next notification or page load
            log.warn("Could not tell the other instances that {} read notifications: {}", owner, e.toString());
        }
    }

    /** The owner's inbox changed (read, or a new notification): their pages reload their count. */
    void changed(String owner) {
        for (Runnable listener : listeners.getOrDefault(owner, List.of())) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("A page could not take a notification: {}", e.toString());
            }
        }
    }

    int subscribers(String owner) {
        return listeners.getOrDefault(owner, List.of()).size();
    }
}
