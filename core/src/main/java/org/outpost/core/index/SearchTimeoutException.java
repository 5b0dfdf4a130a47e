package org.outpost.core.index;

import org.jspecify.annotations.Nullable;

/**
 * A search took longer than its deadline and was given up, so one heavy query cannot hold a page. A kind of
 * {@link IndexUnavailableException} for callers that only tell "no answer now"; the API answers it 504.
 */
public class SearchTimeoutException extends IndexUnavailableException {

    public SearchTimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
