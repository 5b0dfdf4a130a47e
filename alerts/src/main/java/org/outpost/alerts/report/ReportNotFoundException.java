package org.outpost.alerts.report;

import java.util.NoSuchElementException;

/**
 * No such report or run, or not one the caller may see: another user's report is "not found"
 * rather than "forbidden", so its existence is not disclosed.
 */
final class ReportNotFoundException extends NoSuchElementException {

    public ReportNotFoundException(String what) {
        super(what + " not found");
    }
}
