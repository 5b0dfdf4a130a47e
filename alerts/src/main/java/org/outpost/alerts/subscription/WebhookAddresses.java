package org.outpost.alerts.subscription;

import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.outpost.core.net.AddressPin;
import org.outpost.core.net.NonPublicAddressException;
import org.outpost.core.net.PublicAddresses;

/**
 * Keeps webhooks from reaching into the server's own network (core's {@link PublicAddresses}:
 * loopback, private, link-local such as cloud metadata at 169.254.169.254, and their IPv6
 * spellings). Checked when saved and again before each POST, since a name can resolve elsewhere
 * later; the POST then runs inside the pin {@link #pinIfPublic} returns, so it connects to the
 * addresses that were checked.
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

    /**
     * Resolves the host once and pins it to those addresses for the POST (close the pin after the
     * answer); null when any address is not public. An unresolvable host pins nothing: the POST
     * fails on its own.
     */
    public static @Nullable AddressPin pinIfPublic(String host) {
        try {
            return PublicAddresses.pinIfPublic(host);
        } catch (NonPublicAddressException e) {
            return null;
        } catch (UnknownHostException e) {
            return AddressPin.NONE;
        }
    }
}
