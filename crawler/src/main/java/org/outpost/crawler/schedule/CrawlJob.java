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
    private final RunRepository runs;
    private final AdaptivePace pace;
    private final AtomicBoolean interrupted = new AtomicBoolean();

    public CrawlJob(SourceCrawler crawler, RunRepository runs, AdaptivePace pace) {
        this.crawler = crawler;
        this.runs = runs;
        this.pace = pace;
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
            learnPace(sourceId);
        } catch (SourceNotFoundException e) {
            log.info("Source {} was deleted; its job ends", sourceId);
        } catch (SourceBusyException e) {
            if (context.isRecovering()) {
                // the crashed run's lease outlives the crash by up to a lease period: try again once it ran out
                retryLater(context, runs.leaseUntil(sourceId).orElse(java.time.Instant.now()));
            }
        }
    }

    private void learnPace(long sourceId) {
        try {
            pace.afterRun(sourceId);
        } catch (RuntimeException e) {
            // the trigger keeps its last interval: a pace not learned this time is learned after the next run
            log.warn("Could not learn the pace of source {}: {}", sourceId, e.toString());
        }
    }

    private static void retryLater(JobExecutionContext context, java.time.Instant leaseUntil) {
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant latest = now.plus(RunRepository.LEASE).plusSeconds(15);
        // a few seconds past the lease, for clocks of two instances that differ a little
        java.time.Instant at = leaseUntil.isAfter(now) ? leaseUntil.plusSeconds(5) : now.plusSeconds(5);
        at = at.isAfter(latest) ? latest : at;
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
