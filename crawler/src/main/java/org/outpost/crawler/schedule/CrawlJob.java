package org.outpost.crawler.schedule;

import java.util.concurrent.atomic.AtomicBoolean;
import org.outpost.crawler.crawl.SourceBusyException;
import org.outpost.crawler.crawl.SourceCrawler;
import org.outpost.crawler.run.RunRepository;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.SourceNotFoundException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one source. Quartz never runs two of one source at once, in this instance
 * or any other of the cluster ({@link DisallowConcurrentExecution} in the JDBC store).
 */
@DisallowConcurrentExecution
class CrawlJob implements InterruptableJob {

    static final String SOURCE_ID = "sourceId";
    static final String TRIGGER = "trigger";
    private static final Logger log = LoggerFactory.getLogger(CrawlJob.class);

    private final SourceCrawler crawler;
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public CrawlJob(SourceCrawler crawler) {
        this.crawler = crawler;
    }

    @Override
    public void execute(JobExecutionContext context) {
        long sourceId = context.getMergedJobDataMap().getLong(SOURCE_ID);
        RunTrigger trigger = context.isRecovering()
                ? RunTrigger.RECOVERY
                : context.getMergedJobDataMap().containsKey(TRIGGER)
                        ? RunTrigger.valueOf(context.getMergedJobDataMap().getString(TRIGGER))
                        : RunTrigger.SCHEDULE;
        try {
            crawler.crawl(sourceId, trigger, interrupted::get);
        } catch (SourceNotFoundException e) {
            log.info("Source {} was deleted; its job ends", sourceId);
        } catch (SourceBusyException e) {
            if (context.isRecovering()) {
                // the crashed run's lease outlives the crash by up to a lease period: try again after it
                retryLater(context);
            }
        }
    }

    private static void retryLater(JobExecutionContext context) {
        java.time.Instant at = java.time.Instant.now().plus(RunRepository.LEASE).plusSeconds(15);
        try {
            context.getScheduler()
                    .scheduleJob(TriggerBuilder.newTrigger()
                            .forJob(context.getJobDetail().getKey())
                            .usingJobData(TRIGGER, RunTrigger.RECOVERY.name())
                            .startAt(java.util.Date.from(at))
                            .build());
            log.info("Source job {} will recover at {}", context.getJobDetail().getKey(), at);
        } catch (SchedulerException e) {
            log.warn(
                    "Could not schedule the recovery of {}: {}",
                    context.getJobDetail().getKey(),
                    e.getMessage());
        }
    }

    @Override
    public void interrupt() {
        interrupted.set(true);
    }
}
