package org.outpost.crawler.fetch;

import java.net.UnknownHostException;
import org.outpost.core.net.AddressPin;
import org.outpost.core.net.NonPublicAddressException;
import org.outpost.core.net.PublicAddresses;

/**
 * SSRF guard: only hosts whose every resolved address is publicly routable may be fetched
 * (core's {@link PublicAddresses}, which webhooks use too). The check runs before every hop,
 * redirects included, and its answer is pinned for the hop: {@link java.net.http.HttpClient}
 * resolves the name again when it connects, and core's resolver answers that lookup with the
 * addresses checked, so a DNS server that changes its answer in between (DNS rebinding) cannot
 * send the connection to a private address.
 */
final class PublicAddressPolicy implements AddressPolicy {

    @Override
    public AddressPin admit(String host) throws UnknownHostException, NonPublicAddressException {
        return PublicAddresses.pinIfPublic(host);
    }
}
