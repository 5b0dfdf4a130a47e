package org.outpost.alerts.source;

import org.outpost.core.source.SourceHealthChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the crawler's source health changes after its transaction commits, off its thread, from
 * the event publication registry: a failure leaves the publication unfinished, to be heard again
 * on restart, and the notices' unique key keeps that from telling anyone twice.
 */
@Component
class SourceHealthListener {

    private static final Logger log = LoggerFactory.getLogger(SourceHealthListener.class);

    private final SourceAlerts alerts;
    private final SourceNoticeMailer mailer;

    SourceHealthListener(SourceAlerts alerts, SourceNoticeMailer mailer) {
        this.alerts = alerts;
        this.mailer = mailer;
    }

    @Async
    @TransactionalEventListener
    public void on(SourceHealthChanged change) {
        java.util.List<String> told = alerts.tell(change);
        log.info("Source '{}' {} {}: told {}", change.sourceName(), change.problem(), change.state(), told);
        try {
            mailer.sendDue();
        } catch (RuntimeException e) {
            // the notices are stored: their emails go at the mailer's next pass
            log.warn("Emailing source notices failed: {}", e.toString());
        }
    }
}
