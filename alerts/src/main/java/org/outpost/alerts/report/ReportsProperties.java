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
 */
@ConfigurationProperties("outpost.reports")
record ReportsProperties(
        @Nullable Boolean scheduler,
        @Nullable Duration pollInterval,
        @Nullable Integer threads) {

    ReportsProperties {
        scheduler = scheduler == null || scheduler;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        threads = threads == null || threads < 1 ? 1 : threads;
    }
}
