package org.outpost.core.index;

/** Elasticsearch could not be reached or failed; nothing was changed by the call. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
