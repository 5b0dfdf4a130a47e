package org.outpost.core.index;

/**
 * A parameter of a search (page, size, a filter list) is outside what Outpost accepts; {@link #field()} names it as the
 * API does and the message says the limit.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The parameter at fault ({@code page}, {@code size}, {@code topic}, ...). */
    public String field() {
        return field;
    }
}
