package org.outpost.core.net;

/**
 * Holds a host name to the addresses that were checked, until closed: while it is open, every
 * lookup of the name in this JVM (the HTTP client's included) answers exactly those addresses.
 * Close it once the connection is open (try-with-resources).
 */
public interface AddressPin extends AutoCloseable {

    /** For callers that allow every address (tests, {@code allow-private} settings): pins nothing. */
    AddressPin NONE = () -> {};

    @Override
    void close();
}
