package org.outpost.alerts.report;

import java.util.Locale;
import org.outpost.alerts.ReaderTexts;
import org.springframework.modulith.NamedInterface;

/**
 * A report definition that cannot be saved: which field, and what to change. The message is
 * English; {@link ReportService} says it again in the caller's language.
 */
@NamedInterface("report")
public final class InvalidReportException extends RuntimeException {

    private final String field;
    private final String key;
    private final Object[] args;

    /** @param key the reason's text in the {@code org/outpost/alerts/messages} bundles, without its {@code report.invalid.} prefix */
    InvalidReportException(String field, String key, Object... args) {
        this(field, key, args, Locale.ENGLISH);
    }

    private InvalidReportException(String field, String key, Object[] args, Locale locale) {
        super(field + ": " + ReaderTexts.of(locale).get("report.invalid." + key, args));
        this.field = field;
        this.key = key;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    /** The reason without the field name, for a message under the form field. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same reason for a reader of {@code locale}. */
    InvalidReportException in(Locale locale) {
        InvalidReportException localized = new InvalidReportException(field, key, args, locale);
        localized.setStackTrace(getStackTrace());
        return localized;
    }
}
