package org.outpost.alerts.report;

import java.time.Duration;
import org.springframework.modulith.NamedInterface;

/** The caller asked for more runs now than {@code outpost.reports.run-now-limit} allows within its window. */
@NamedInterface("report")
public final class ReportRunLimitException extends RuntimeException {

    private final int limit;
    private final Duration window;
    private final Duration retryAfter;

    ReportRunLimitException(int limit, Duration window, Duration retryAfter) {
        super("You ran reports now " + limit + " times within " + window.toMinutes()
                + " minutes, the most allowed; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.limit = limit;
        this.window = window;
        this.retryAfter = retryAfter;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** When the oldest run of the window leaves it. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
