package org.outpost.alerts.subscription;

import org.jspecify.annotations.Nullable;

/** A subscription field holds something Outpost cannot use; the message says why, for the user. */
public class InvalidSubscriptionException extends RuntimeException {

    private final String field;
    private final @Nullable Integer position;

    public InvalidSubscriptionException(String field, String message) {
        this(field, message, null);
    }

    public InvalidSubscriptionException(String field, String message, @Nullable Integer position) {
        super(message);
        this.field = field;
        this.position = position;
    }

    /** The field at fault, as named in the API ({@code query}, {@code channels[1].url}, ...). */
    public String field() {
        return field;
    }

    /** For a query: the 1-based column where parsing failed, when the parser knows it. */
    public @Nullable Integer position() {
        return position;
    }
}
