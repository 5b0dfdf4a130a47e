package org.outpost.core.index;

import org.jspecify.annotations.Nullable;

/** The query text is not valid Lucene syntax; the message says where and why, for the user. */
public class InvalidQueryException extends RuntimeException {

    private final @Nullable Integer column;

    public InvalidQueryException(String message, @Nullable Throwable cause) {
        this(message, null, cause);
    }

    public InvalidQueryException(String message, @Nullable Integer column, @Nullable Throwable cause) {
        super(message, cause);
        this.column = column;
    }

    /** Where in the text parsing failed, counted from 1, when the parser says. */
    public @Nullable Integer column() {
        return column;
    }
}
