package org.outpost.crawler.schedule;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.PollPace;
import org.outpost.crawler.run.RunTrigger;
import org.outpost.crawler.source.Source;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps one Quartz job per source in step with the source table: a durable job (so "run now"
 * works for a disabled source too) and, when enabled, a trigger from its schedule.
 *
 * <p>Missed runs (the app was down) collapse into one run as soon as it is back; a job that was
 * running when an instance died is re-run by a surviving or restarted instance (recovery).
 */
@Component
public class CrawlScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);
    private static final String GROUP = "sources";

    private final Scheduler scheduler;
    private final PaceRepository paces;
    private final PaceSettings paceSettings;
    private final PollBackstop backstop;

    /** Without a back-stop: tests that only add and delete jobs. */
    public CrawlScheduler(Scheduler scheduler, PaceRepository paces, PaceSettings paceSettings) {
        this(scheduler, paces, paceSettings, PollBackstop.NONE);
    }

    // of two constructors Spring needs to be told which one the application uses
    @org.springframework.beans.factory.annotation.Autowired
    public CrawlScheduler(Scheduler scheduler, PaceRepository paces, PaceSettings paceSettings, PollBackstop backstop) {
        this.scheduler = scheduler;
        this.paces = paces;
        this.paceSettings = paceSettings;
        this.backstop = backstop;
    }

    public void schedule(Source source) {
        JobKey job = jobKey(source.id());
        TriggerKey triggerKey = TriggerKey.triggerKey("source-" + source.id(), GROUP);
        try {
            JobDetail detail = JobBuilder.newJob(CrawlJob.class)
                    .withIdentity(job)
                    .storeDurably()
                    .requestRecovery()
                    .usingJobData(CrawlJob.SOURCE_ID, source.id())
                    .withDescription(source.name())
                    .build();
            scheduler.addJob(detail, true);
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (!source.enabled()) {
                if (existing != null) {
                    scheduler.unscheduleJob(triggerKey);
                }
                return;
            }
            Trigger trigger = trigger(source, triggerKey, job);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else if (!java.util.Objects.equals(existing.getDescription(), trigger.getDescription())) {
                scheduler.rescheduleJob(triggerKey, trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule source " + source.id() + ": " + e.getMessage(), e);
        }
    }

    public void unschedule(long sourceId) {
        SchedulerException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                scheduler.deleteJob(jobKey(sourceId));
                return;
            } catch (SchedulerException e) {
                // Quartz lists the job's triggers, then removes each: a one-shot "run now" trigger
                // that fires and is removed in between fails the whole delete (seen when a source
                // was deleted right after Run now). Listing them again finds it gone.
                failed = e;
                try {
                    if (!scheduler.checkExists(jobKey(sourceId))) {
                        return;
                    }
                } catch (SchedulerException ignored) {
                    // the next attempt says whether the store answers
                }
            }
        }
        throw new IllegalStateException(
                "Could not remove the job of source " + sourceId + ": " + failed.getMessage(), failed);
    }

    /** Starts a run now, on a scheduler thread of whichever instance picks it up first. */
    public void runNow(long sourceId) {
        try {
            org.quartz.JobDataMap data = new org.quartz.JobDataMap();
            data.put(CrawlJob.TRIGGER, RunTrigger.MANUAL.name());
            scheduler.triggerJob(jobKey(sourceId), data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start source " + sourceId + ": " + e.getMessage(), e);
        }
    }

    /** When the source's trigger fires next, if it is scheduled. */
    public Optional<Instant> nextRun(long sourceId) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("source-" + sourceId, GROUP));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** Whether a run of the source is going on in this instance. */
    public boolean isRunningHere(long sourceId) {
        try {
            for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
                if (running.getJobDetail().getKey().equals(jobKey(sourceId))) {
                    return true;
                }
            }
        } catch (SchedulerException e) {
            return false;
        }
        return false;
    }

    /** Asks runs in progress to stop between pages, so they end INTERRUPTED rather than cut off. */
    @Override
    public void destroy() {
        try {
            for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
                scheduler.interrupt(running.getFireInstanceId());
            }
        } catch (SchedulerException e) {
            log.warn("Could not ask running crawls to stop: {}", e.getMessage());
        }
    }

    /**
     * An adaptive source's interval now: the one learned after its last run, else the initial one,
     * held within its bounds as they are now (an edit may have changed them).
     */
    public PollPace pace(Source source) {
        return clamped(
                source,
                paces.find(source.id())
                        .orElseGet(() -> new PollPace(
                                paceSettings.initialInterval(), PollPace.Why.NEW, null, null, 0, null, Instant.now())));
    }

    /**
     * A learned pace held within the source's bounds as they are now, then slowed to the back-stop
     * interval while a hub pushes the source's items ({@link PollBackstop}). The stored pace stays
     * the learned one, so the source's own pace returns as soon as the pushing stops.
     */
    public PollPace clamped(Source source, PollPace learned) {
        // a pace robots.txt held is held by it still: the Crawl-delay is not known without a run
        java.time.Duration crawlDelay =
                learned.bound() == PollPace.Bound.CRAWL_DELAY ? learned.interval() : java.time.Duration.ZERO;
        PollPace held = PaceLearner.clamp(learned, source.schedule().bounds(), crawlDelay, paceSettings);
        return backstop.interval(source)
                .map(slowest -> backstopped(held, slowest, source.schedule().bounds()))
                .orElse(held);
    }

    /**
     * Never faster than the pace learned; and a longest interval the source sets itself is someone's
     * decision for that source, which the deployment's back-stop does not override.
     */
    private static PollPace backstopped(
            PollPace held, java.time.Duration slowest, org.outpost.crawler.source.Schedule.Bounds bounds) {
        java.time.Duration interval = slowest;
        if (bounds.longest() != null && bounds.longest().compareTo(interval) < 0) {
            interval = bounds.longest();
        }
        if (held.interval().compareTo(interval) >= 0) {
            return held;
        }
        return new PollPace(
                interval,
                PollPace.Why.PUSHED,
                held.usualGap(),
                held.silentFor(),
                held.failedRuns(),
                null,
                held.learnedAt());
    }

    /** The learned paces of adaptive sources, by source id (sources not learned yet are absent). */
    public java.util.Map<Long, PollPace> learnedPaces() {
        return paces.all();
    }

    private Trigger trigger(Source source, TriggerKey key, JobKey job) {
        String description =
                source.schedule().expression() + " " + source.schedule().zone().getId();
        java.time.@Nullable Duration every = source.schedule().interval();
        if (every != null && every.compareTo(paceSettings.floor()) < 0) {
            // saved under a lower floor (the freshness benchmark's): never polled more often than today's
            every = paceSettings.floor();
        }
        if (source.schedule().isAdaptive()) {
            every = pace(source).interval();
            // the interval is part of the description, so a newly learned one rebuilds the trigger
            description += " every " + every;
        }
        TriggerBuilder<Trigger> builder =
                TriggerBuilder.newTrigger().withIdentity(key).forJob(job).withDescription(description);
        if (every != null) {
            // the first run is started by whoever created the source ("run now"), not by the trigger
            return builder.startAt(Date.from(Instant.now().plus(every)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(every.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNowWithExistingCount())
                    .build();
        }
        return builder.withSchedule(CronScheduleBuilder.cronSchedule(
                                source.schedule().quartzExpression())
                        .inTimeZone(TimeZone.getTimeZone(source.schedule().zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /** The interval the source's trigger repeats at, if it is scheduled by interval (adaptive included). */
    public Optional<java.time.Duration> triggerInterval(long sourceId) {
        try {
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey("source-" + sourceId, GROUP));
            return trigger instanceof org.quartz.SimpleTrigger simple
                    ? Optional.of(java.time.Duration.ofMillis(simple.getRepeatInterval()))
                    : Optional.empty();
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    static JobKey jobKey(long sourceId) {
        return JobKey.jobKey("source-" + sourceId, GROUP);
    }
}
