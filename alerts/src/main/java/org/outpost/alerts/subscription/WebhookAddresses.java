package org.outpost.alerts.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps webhooks from reaching into the server's own network (loopback, private, link-local
 * such as cloud metadata at 169.254.169.254). Checked when saved and again before each POST,
 * since a name can resolve elsewhere later.
 */
public final class WebhookAddresses {

    private WebhookAddresses() {
    }

    /** True when any address the host resolves to is not public; unresolvable hosts count as public (the POST will fail). */
    public static boolean isPrivate(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) {
                if (isPrivate(a)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 100 && second >= 64 && second < 128; // carrier-grade NAT
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique-local
    }
}
