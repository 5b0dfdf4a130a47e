package org.outpost.alerts.report;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One run of a report; its rendered HTML is read separately ({@link ReportService#html}).
 *
 * @param periodStart start of the period covered, inclusive
 * @param periodEnd end of the period covered, exclusive (the run's scheduled time, or when it was started by hand)
 * @param error why the run failed, or why its email was not (fully) sent
 */
@NamedInterface("report")
public record ReportRun(
        long id,
        long reportId,
        Trigger trigger,
        Status status,
        Instant periodStart,
        Instant periodEnd,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {

    public enum Trigger {
        SCHEDULED,
        MANUAL
    }

    public enum Status {
        RUNNING,
        /** Rendered, stored and emailed to every address (or there was none). */
        SUCCEEDED,
        /** Rendered and stored, but the email could not be sent to some or all addresses: see the error. */
        EMAIL_FAILED,
        /** Nothing rendered: see the error. */
        FAILED
    }

    public boolean hasReport() {
        return status == Status.SUCCEEDED || status == Status.EMAIL_FAILED;
    }
}
