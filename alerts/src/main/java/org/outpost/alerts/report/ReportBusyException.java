package org.outpost.alerts.report;

import org.springframework.modulith.NamedInterface;

/** A run of the report is in progress (on this instance or another): a report runs once at a time. */
@NamedInterface("report")
public final class ReportBusyException extends RuntimeException {

    ReportBusyException(long id) {
        super("A run of report " + id + " is in progress; wait for it to finish");
    }
}
