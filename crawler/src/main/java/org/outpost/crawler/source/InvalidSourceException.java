package org.outpost.crawler.source;

/** A source definition that cannot be saved, with the field at fault and a reason a person can act on. */
public final class InvalidSourceException extends RuntimeException {

    private final String field;

    public InvalidSourceException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
