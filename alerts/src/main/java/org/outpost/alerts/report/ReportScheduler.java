package org.outpost.alerts.report;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AccountStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Starts due reports. Every instance polls; a report's run is claimed by moving its
 * {@code next_run_at} on with a conditional update, so of several instances exactly one runs
 * it. A report missed while every instance was down runs once, then keeps its schedule.
 */
@Component
class ReportScheduler implements SchedulingConfigurer {

    /** A run still "running" after this long belongs to an instance that stopped. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);

    private final ReportRepository repository;
    private final ReportRunner runner;
    private final ReportsProperties properties;
    private final AccountStates accounts;

    ReportScheduler(
            ReportRepository repository, ReportRunner runner, ReportsProperties properties, AccountStates accounts) {
        this.repository = repository;
        this.accounts = accounts;
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.scheduler()) {
            registrar.addFixedDelayTask(this::poll, properties.pollInterval());
            registrar.addFixedDelayTask(this::forgetOldRuns, properties.cleanupInterval());
        } else {
            log.info("Scheduled reports are off in this instance (outpost.reports.scheduler=false)");
        }
    }

    /** Run history is kept by count per report and by age ({@code outpost.reports.keep-runs*}), not for ever. */
    int forgetOldRuns() {
        try {
            int deleted = repository.deleteOldRuns(
                    properties.keepRuns(), Instant.now().minus(properties.keepRunsFor()));
            if (deleted > 0) {
                log.info("Deleted {} old report runs", deleted);
            }
            return deleted;
        } catch (DataAccessException e) {
            log.warn("Could not delete old report runs: {}", e.getMessage());
            return 0;
        }
    }

    void poll() {
        try {
            repository.failAbandonedRuns(Instant.now().minus(ABANDONED_AFTER));
            startDue(Instant.now(), true);
        } catch (DataAccessException | IllegalStateException e) {
            log.warn("Could not look for due reports: {}", e.getMessage());
        }
    }

    /**
     * Claims and starts every report due at {@code now}.
     *
     * @param background render on the runner's threads; false renders here, one after another
     * @return how many runs this call started
     */
    int startDue(Instant now, boolean background) {
        int started = 0;
        for (Report report : repository.due(now)) {
            Instant due = report.nextRunAt();
            if (due == null) {
                continue;
            }
            try {
                @Nullable
                Instant next = ReportSchedule.stored(
                                report.schedule(), report.zone().getId())
                        .nextAfter(now);
                if (!repository.claim(report.id(), due, next)) {
                    continue; // another instance took it
                }
                if (!accounts.active(report.owner())) {
                    // the owner's account is disabled: this run is skipped, the schedule goes on
                    log.info("Report {} ({}) skipped: its owner's account is disabled", report.id(), report.name());
                    continue;
                }
                if (background) {
                    runner.start(report, ReportRun.Trigger.SCHEDULED, due);
                } else {
                    runner.runNowAndWait(report, ReportRun.Trigger.SCHEDULED, due);
                }
                started++;
            } catch (ReportBusyException e) {
                // its schedule has moved on: a firing while a run is in progress is skipped, not queued
                log.info(
                        "Report {} ({}) skipped its run due at {}: the previous run is in progress",
                        report.id(),
                        report.name(),
                        due);
            } catch (RuntimeException e) {
                // one report that cannot start must not hold up the others
                log.warn("Could not start report {} ({}): {}", report.id(), report.name(), e.getMessage());
            }
        }
        return started;
    }
}
