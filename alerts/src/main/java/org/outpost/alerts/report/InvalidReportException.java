package org.outpost.alerts.report;

/** A report definition that cannot be saved: which field, and what to change. */
public final class InvalidReportException extends RuntimeException {

    private final String field;

    public InvalidReportException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The reason without the field name, for a message under the form field. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
