package org.outpost.alerts.report;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Report settings ({@code outpost.reports.*}).
 *
 * @param scheduler run scheduled reports in this instance (off: only "run now" works here)
 * @param pollInterval how often due reports are looked for
 * @param threads reports rendered at once by this instance
 * @param minInterval shortest time between two firings of a report's schedule
 * @param runNowLimit runs one user may ask for ("Run now") within {@code runNowWindow}
 * @param runNowWindow see {@code runNowLimit}
 * @param keepRuns finished runs kept per report (older ones are deleted)
 * @param keepRunsFor finished runs older than this are deleted
 * @param cleanupInterval how often old runs are deleted
 * @param maxRecipients recipients of one report
 */
@ConfigurationProperties("outpost.reports")
record ReportsProperties(
        @Nullable Boolean scheduler,
        @Nullable Duration pollInterval,
        @Nullable Integer threads,
        @Nullable Duration minInterval,
        @Nullable Integer runNowLimit,
        @Nullable Duration runNowWindow,
        @Nullable Integer keepRuns,
        @Nullable Duration keepRunsFor,
        @Nullable Duration cleanupInterval,
        @Nullable Integer maxRecipients) {

    ReportsProperties {
        scheduler = scheduler == null || scheduler;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        threads = threads == null || threads < 1 ? 1 : threads;
        minInterval = minInterval == null ? Duration.ofHours(1) : minInterval;
        runNowLimit = runNowLimit == null || runNowLimit < 1 ? 5 : runNowLimit;
        runNowWindow = runNowWindow == null ? Duration.ofHours(1) : runNowWindow;
        keepRuns = keepRuns == null || keepRuns < 1 ? 50 : keepRuns;
        keepRunsFor = keepRunsFor == null ? Duration.ofDays(90) : keepRunsFor;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
        maxRecipients = maxRecipients == null || maxRecipients < 1 ? 50 : maxRecipients;
    }

    /** The defaults, as when nothing is configured. */
    static ReportsProperties defaults() {
        return new ReportsProperties(null, null, null, null, null, null, null, null, null, null);
    }
}
