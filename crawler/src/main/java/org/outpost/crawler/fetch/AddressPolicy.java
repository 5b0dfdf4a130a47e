package org.outpost.crawler.fetch;

import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/** Decides whether the crawler may open a connection to a host. */
@FunctionalInterface
interface AddressPolicy {

    /**
     * Returns why the host must not be contacted, or null when it may be.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    @Nullable
    String refusal(String host) throws UnknownHostException;

    static AddressPolicy allowAll() {
        return host -> null;
    }
}
