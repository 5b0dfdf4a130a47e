package org.outpost.alerts.report;

/** A viewer (or a recipient who does not own the report) tried to change or run it. */
public final class ReportReadOnlyException extends RuntimeException {

    public ReportReadOnlyException(String message) {
        super(message);
    }
}
