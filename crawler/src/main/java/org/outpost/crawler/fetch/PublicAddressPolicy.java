package org.outpost.crawler.fetch;

import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.outpost.core.net.PublicAddresses;

/**
 * SSRF guard: only hosts whose every resolved address is publicly routable may be fetched
 * (core's {@link PublicAddresses}, which webhooks use too).
 *
 * <p>Known gap: {@link java.net.http.HttpClient} resolves the name again when it connects, so a
 * hostile DNS server can answer with a public address here and a private one a moment later (DNS
 * rebinding). The client offers no hook to connect to a pre-resolved address without breaking TLS
 * host verification, so we narrow the window instead: the check runs before every hop, redirects
 * included, and refuses a name if <em>any</em> of its addresses is private. Deployments that need
 * a hard guarantee should also route the crawler through an egress proxy or firewall.
 */
final class PublicAddressPolicy implements AddressPolicy {

    @Override
    public @Nullable String refusal(String host) throws UnknownHostException {
        return PublicAddresses.refusal(host);
    }
}
