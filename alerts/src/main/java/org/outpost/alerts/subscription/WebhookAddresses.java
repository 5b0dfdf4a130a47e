package org.outpost.alerts.subscription;

import java.net.UnknownHostException;
import org.outpost.core.net.PublicAddresses;

/**
 * Keeps webhooks from reaching into the server's own network (core's {@link PublicAddresses}:
 * loopback, private, link-local such as cloud metadata at 169.254.169.254). Checked when saved
 * and again before each POST, since a name can resolve elsewhere later.
 */
public final class WebhookAddresses {

    private WebhookAddresses() {}

    /** True when any address the host resolves to is not public; unresolvable hosts count as public (the POST will fail). */
    public static boolean isPrivate(String host) {
        try {
            return PublicAddresses.refusal(host) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
