package org.outpost.core.index;

import org.jspecify.annotations.Nullable;

/** The query text is not valid Lucene syntax; the message says where and why, for the user. */
public class InvalidQueryException extends RuntimeException {

    /** Why the text was refused, so a view can say it in the reader's language. */
    public enum Reason {
        /** not valid syntax */
        SYNTAX,
        /** longer than {@link QueryLimits#maxLength()} */
        TOO_LONG,
        /** a leading wildcard or a regular expression, where {@link QueryLimits#allowExpensive()} is off */
        EXPENSIVE
    }

    private final @Nullable Integer column;
    private final Reason reason;

    public InvalidQueryException(String message, @Nullable Throwable cause) {
        this(message, null, cause);
    }

    public InvalidQueryException(String message, @Nullable Integer column, @Nullable Throwable cause) {
        this(message, column, Reason.SYNTAX, cause);
    }

    public InvalidQueryException(String message, @Nullable Integer column, Reason reason, @Nullable Throwable cause) {
        super(message, cause);
        this.column = column;
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Where in the text parsing failed, counted from 1, when the parser says. */
    public @Nullable Integer column() {
        return column;
    }
}
