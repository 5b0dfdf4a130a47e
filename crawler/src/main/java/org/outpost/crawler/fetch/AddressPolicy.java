package org.outpost.crawler.fetch;

import java.net.UnknownHostException;
import org.outpost.core.net.AddressPin;
import org.outpost.core.net.NonPublicAddressException;

/** Decides whether the crawler may open a connection to a host. */
@FunctionalInterface
interface AddressPolicy {

    /**
     * Checks the host and holds its name to the addresses checked until the pin closes, so the
     * connection opened inside it goes where the check looked.
     *
     * @throws NonPublicAddressException why the host must not be contacted
     * @throws UnknownHostException when the name does not resolve
     */
    AddressPin admit(String host) throws UnknownHostException, NonPublicAddressException;

    static AddressPolicy allowAll() {
        return host -> AddressPin.NONE;
    }
}
