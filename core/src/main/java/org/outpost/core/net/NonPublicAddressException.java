package org.outpost.core.net;

/** A host resolves to at least one address that is not public; the message names the range and the address. */
public final class NonPublicAddressException extends Exception {

    NonPublicAddressException(String reason) {
        super(reason);
    }
}
