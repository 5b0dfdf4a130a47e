package org.outpost.alerts.report;

import org.springframework.modulith.NamedInterface;

/** A viewer (or a recipient who does not own the report) tried to change or run it. */
@NamedInterface("report")
public final class ReportReadOnlyException extends RuntimeException {

    public ReportReadOnlyException(String message) {
        super(message);
    }
}
