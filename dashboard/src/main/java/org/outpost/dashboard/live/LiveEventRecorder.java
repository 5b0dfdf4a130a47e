package org.outpost.dashboard.live;

import org.outpost.alerts.delivery.NotificationCreated;
import org.outpost.core.article.ArticleIndexed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what happened on this instance to {@code live_event} for the others to show. A new
 * article is recorded in the publisher's own transaction (a plain listener runs inside it), so the
 * row commits with the crawl's record of the page or not at all. A notification is announced after
 * its transaction committed, so its row gets a transaction of its own; an instance that dies in
 * between leaves that bell to be updated by the next page load.
 */
@Component
class LiveEventRecorder {

    private static final Logger log = LoggerFactory.getLogger(LiveEventRecorder.class);
    /** Set while the poller re-publishes another instance's notification here: it is recorded already. */
    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    private final LiveEvents events;
    private final TransactionTemplate separately;

    LiveEventRecorder(LiveEvents events, PlatformTransactionManager transactions) {
        this.events = events;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(ArticleIndexed indexed) {
        if (indexed.change() == ArticleIndexed.Change.NEW) {
            events.record(LiveEventKind.ARTICLE, indexed.article().id(), null);
        }
    }

    @EventListener
    void on(NotificationCreated created) {
        if (REPLAYING.get()) {
            return;
        }
        try {
            separately.executeWithoutResult(tx ->
                    events.record(LiveEventKind.NOTIFICATION, Long.toString(created.deliveryId()), created.owner()));
        } catch (RuntimeException e) {
            // the notification is stored; only the other instances' bells learn of it later
            log.warn(
                    "Could not announce notification {} to the other instances: {}",
                    created.deliveryId(),
                    e.toString());
        }
    }

    /** Runs what re-publishes another instance's event, which must not be recorded a second time. */
    static void replaying(Runnable publish) {
        REPLAYING.set(true);
        try {
            publish.run();
        } finally {
            REPLAYING.set(false);
        }
    }
}
