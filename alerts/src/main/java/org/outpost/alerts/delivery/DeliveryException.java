package org.outpost.alerts.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A channel refused or failed a message; the message is for the delivery log, so the owner can act on it. */
class DeliveryException extends Exception {

    private final @Nullable Duration retryAfter;

    public DeliveryException(String message) {
        super(message);
        this.retryAfter = null;
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    /** The channel said when to try again (Telegram's 429 {@code retry_after}): not a failure, a wait. */
    DeliveryException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }
}
