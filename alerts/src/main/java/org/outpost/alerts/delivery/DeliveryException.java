package org.outpost.alerts.delivery;

/** A channel refused or failed a message; the message is for the delivery log, so the owner can act on it. */
class DeliveryException extends Exception {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
