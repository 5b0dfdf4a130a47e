package org.outpost.dashboard.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, on this instance, the event publications marked failed: those whose listener
 * threw, and those another instance left unfinished when it died, which Modulith's staleness
 * monitor marks failed once they are older than {@code spring.modulith.events.staleness.*}
 * (application.properties). Without this, a dead instance's articles would wait for that instance
 * to start again before they were matched. The registry claims each publication it resubmits, so
 * two instances do not both take one.
 */
@Component
class StalePublications {

    private static final Logger log = LoggerFactory.getLogger(StalePublications.class);
    /** A few hundred at a time: the rest follow a minute later, without a burst of work at once. */
    static final int BATCH = 200;

    private final FailedEventPublications failed;

    StalePublications(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void resubmit() {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH).withMaxInFlight(BATCH));
        } catch (RuntimeException e) {
            // the database is away: the next round tries again
            log.warn("Resubmitting failed event publications failed: {}", e.toString());
        }
    }
}
