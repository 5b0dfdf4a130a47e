package org.outpost.core.index;

/** The query text is not valid Lucene syntax; the message says where and why, for the user. */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
    }
}
