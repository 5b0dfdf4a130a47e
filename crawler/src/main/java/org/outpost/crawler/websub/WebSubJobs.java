package org.outpost.crawler.websub;

import java.time.Duration;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts the WebSub upkeep job in the Quartz store at startup, firing every {@link #every}: a
 * quarter of the renew margin (so a renewal is sent well before the lease ends), between one
 * and fifteen minutes. It is there with the setting off too, so subscriptions left from when it
 * was on are ended; without any, it reads one empty table and sends nothing.
 */
@Component
class WebSubJobs implements SmartInitializingSingleton {

    static final JobKey JOB = JobKey.jobKey("websub-upkeep", "websub");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("websub-upkeep", "websub");

    private final Scheduler scheduler;
    private final WebSubSettings settings;

    WebSubJobs(Scheduler scheduler, WebSubSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    static Duration every(WebSubSettings settings) {
        Duration quarter = settings.renewMargin().dividedBy(4);
        Duration min = Duration.ofMinutes(1);
        Duration max = Duration.ofMinutes(15);
        return quarter.compareTo(min) < 0 ? min : quarter.compareTo(max) > 0 ? max : quarter;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Duration every = every(settings);
        try {
            JobDetail job = JobBuilder.newJob(WebSubMaintenanceJob.class)
                    .withIdentity(JOB)
                    .storeDurably()
                    .withDescription("WebSub renewals, retries and unsubscriptions")
                    .build();
            scheduler.addJob(job, true);
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(TRIGGER)
                    .forJob(JOB)
                    .withDescription("every " + every)
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(every.toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            Trigger existing = scheduler.getTrigger(TRIGGER);
            if (existing == null) {
                try {
                    scheduler.scheduleJob(trigger);
                } catch (org.quartz.ObjectAlreadyExistsException e) {
                    // another instance starting at the same moment put it there first
                }
            } else if (!java.util.Objects.equals(existing.getDescription(), trigger.getDescription())) {
                scheduler.rescheduleJob(TRIGGER, trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the WebSub upkeep: " + e.getMessage(), e);
        }
    }

    /** When the upkeep fires next (tests, status). */
    java.util.Optional<java.time.Instant> nextFire() {
        try {
            Trigger trigger = scheduler.getTrigger(TRIGGER);
            return java.util.Optional.ofNullable(trigger)
                    .map(Trigger::getNextFireTime)
                    .map(java.util.Date::toInstant);
        } catch (SchedulerException e) {
            return java.util.Optional.empty();
        }
    }
}
