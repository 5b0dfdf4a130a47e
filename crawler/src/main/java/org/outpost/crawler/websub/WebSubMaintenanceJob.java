package org.outpost.crawler.websub;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renewals, retries and unsubscriptions ({@link WebSubSubscriber#maintain}), as a job of the
 * clustered Quartz store: one instance of the cluster runs it at a time, like the crawls.
 */
@DisallowConcurrentExecution
class WebSubMaintenanceJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(WebSubMaintenanceJob.class);

    private final WebSubSubscriber subscriber;

    public WebSubMaintenanceJob(WebSubSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            int acted = subscriber.maintain();
            if (acted > 0) {
                log.info("WebSub: {} subscriptions renewed, retried or ended", acted);
            }
        } catch (RuntimeException e) {
            log.warn("WebSub upkeep failed: {}", e.toString()); // the next firing tries again
        }
    }
}
