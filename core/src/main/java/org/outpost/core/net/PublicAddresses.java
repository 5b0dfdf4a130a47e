package org.outpost.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * SSRF guard for addresses users supply (sources to crawl, webhooks to call): only hosts whose
 * every resolved address is publicly routable pass, so nobody can make the server reach into its
 * own network (loopback, private ranges, link-local such as cloud metadata at 169.254.169.254).
 *
 * <p>A name can resolve elsewhere a moment later (DNS rebinding), so callers check before every
 * connection, redirects included, rather than once when the address is saved.
 */
public final class PublicAddresses {

    private PublicAddresses() {}

    /**
     * Why the host may not be reached, naming the range and the address; null when every address
     * it resolves to is public.
     *
     * @throws UnknownHostException when the name does not resolve (the caller decides what that means)
     */
    public static @Nullable String refusal(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                return "host " + host + " resolves to " + kind + " address " + address.getHostAddress();
            }
        }
        return null;
    }

    /** Names the non-public range the address belongs to, or null for a public address. */
    public static @Nullable String nonPublicKind(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "any-local";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "this-network";
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return "CGNAT";
            }
            if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
                return "broadcast";
            }
            return null;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (isIpv4Mapped(b)) {
                // Java usually converts mapped addresses itself; this covers the cases it does not.
                try {
                    return nonPublicKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return "malformed";
                }
            }
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
