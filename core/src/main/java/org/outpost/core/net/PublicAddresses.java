package org.outpost.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSRF guard for addresses users supply (sources to crawl, webhooks to call): only hosts whose
 * every resolved address is publicly routable pass, so nobody can make the server reach into its
 * own network (loopback, private ranges, link-local such as cloud metadata at 169.254.169.254).
 *
 * <p>The ranges are the IANA special-purpose registries (RFC 6890 and successors) for both
 * families. IPv6 has several ways to carry an IPv4 address; two policies apply:
 *
 * <ul>
 *   <li><b>the embedded IPv4 address is judged</b> where it is exactly where the packet goes:
 *       IPv4-mapped ({@code ::ffff:0:0/96}, the kernel talks IPv4 to it), the well-known NAT64
 *       prefix ({@code 64:ff9b::/96}, how IPv6-only networks with DNS64 reach every public IPv4
 *       site, so refusing it whole would break them) and 6to4 ({@code 2002::/16}, the relay
 *       delivers to the embedded address);
 *   <li><b>the whole range is refused</b> where the destination is not what the address says or
 *       nobody public uses it: IPv4-compatible ({@code ::/96}, deprecated by RFC 4291, and
 *       {@code ::127.0.0.1} would otherwise slip through), IPv4-translated ({@code ::ffff:0:0:0/96}),
 *       the local-use NAT64 prefix ({@code 64:ff9b:1::/48}, RFC 8215: what it maps to is the
 *       site's choice) and Teredo ({@code 2001::/32}: the client address is obfuscated and a relay
 *       of the operator's network delivers it).
 * </ul>
 *
 * <p>A name can resolve elsewhere a moment later (DNS rebinding), so callers check before every
 * connection, redirects included, and connect through {@link PinnedAddresses} to exactly the
 * addresses checked.
 */
public final class PublicAddresses {

    /** What to do with an address inside a range. */
    private enum Verdict {
        REFUSE,
        /** Judge the IPv4 address the range carries in its last 32 bits. */
        JUDGE_LAST_32,
        /** 6to4: the IPv4 address follows the 16-bit prefix. */
        JUDGE_6TO4
    }

    private record Range(byte[] prefix, int bits, String kind, Verdict verdict) {
        static Range of(String cidr, String kind) {
            return of(cidr, kind, Verdict.REFUSE);
        }

        static Range of(String cidr, String kind, Verdict verdict) {
            int slash = cidr.indexOf('/');
            try {
                // literals only, so no lookup happens; mapped IPv6 literals would turn into IPv4
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind, verdict);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    // Order matters where ranges nest: the narrower range comes first.
    private static final List<Range> RANGES = List.of(
            Range.of("0.0.0.0/32", "any-local"),
            Range.of("0.0.0.0/8", "this-network"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "CGNAT"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "IETF protocol assignment"),
            Range.of("192.0.2.0/24", "documentation (TEST-NET-1)"),
            Range.of("192.88.99.0/24", "6to4 relay anycast"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation (TEST-NET-2)"),
            Range.of("203.0.113.0/24", "documentation (TEST-NET-3)"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("255.255.255.255/32", "broadcast"),
            Range.of("240.0.0.0/4", "reserved"),
            Range.of("::/128", "any-local"),
            Range.of("::1/128", "loopback"),
            Range.of("::/96", "IPv4-compatible"),
            Range.of("::ffff:0:0:0/96", "IPv4-translated"),
            Range.of("64:ff9b::/96", "NAT64", Verdict.JUDGE_LAST_32),
            Range.of("64:ff9b:1::/48", "local-use NAT64"),
            Range.of("100::/64", "discard-only"),
            Range.of("2001:2::/48", "benchmarking"),
            Range.of("2001:10::/28", "ORCHID"),
            Range.of("2001:20::/28", "ORCHIDv2"),
            Range.of("2001:db8::/32", "documentation"),
            Range.of("2001::/32", "Teredo"),
            Range.of("2002::/16", "6to4", Verdict.JUDGE_6TO4),
            Range.of("3fff::/20", "documentation"),
            Range.of("5f00::/16", "segment routing (SRv6)"),
            Range.of("fc00::/7", "unique-local"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local"),
            Range.of("ff00::/8", "multicast"));

    private static final Logger log = LoggerFactory.getLogger(PublicAddresses.class);
    private static volatile boolean warned;

    private PublicAddresses() {}

    /**
     * Why the host may not be reached, naming the range and the address; null when every address
     * it resolves to is public.
     *
     * @throws UnknownHostException when the name does not resolve (the caller decides what that means)
     */
    public static @Nullable String refusal(String host) throws UnknownHostException {
        return refusal(host, resolve(host));
    }

    /**
     * Resolves the host once and, when every address is public, pins the name to exactly those
     * addresses until the returned pin closes: open the connection inside it, so no second lookup
     * can lead elsewhere.
     *
     * @throws NonPublicAddressException naming the range and the address
     * @throws UnknownHostException when the name does not resolve
     */
    public static AddressPin pinIfPublic(String host) throws UnknownHostException, NonPublicAddressException {
        InetAddress[] addresses = resolve(host);
        String refusal = refusal(host, addresses);
        if (refusal != null) {
            throw new NonPublicAddressException(refusal);
        }
        if (!PinnedAddresses.enforced() && !warned) {
            warned = true;
            log.warn(
                    "Names are not pinned to the checked addresses: the JVM did not load {} (started with"
                            + " jdk.net.hosts.file, or core's jar is hidden from the context class loader at the first"
                            + " lookup); DNS rebinding can reach private addresses",
                    PinningResolverProvider.class.getName());
        }
        return PinnedAddresses.pin(host, addresses);
    }

    /** Resolves a host as it appears in a URI (IPv6 literals in brackets). */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(bare(host));
    }

    static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Why the addresses a host resolved to may not be reached; null when every one is public. */
    static @Nullable String refusal(String host, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                return "host " + host + " resolves to " + kind + " address " + address.getHostAddress();
            }
        }
        return null;
    }

    /** Names the non-public range the address belongs to, or null for a public address. */
    public static @Nullable String nonPublicKind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(b)) {
            // Java usually turns mapped literals into IPv4 itself; this covers the cases it does not.
            return embedded(Arrays.copyOfRange(b, 12, 16), "IPv4-mapped");
        }
        for (Range range : RANGES) {
            if (range.contains(b)) {
                return switch (range.verdict()) {
                    case REFUSE -> range.kind();
                    case JUDGE_LAST_32 -> embedded(Arrays.copyOfRange(b, 12, 16), range.kind());
                    case JUDGE_6TO4 -> embedded(Arrays.copyOfRange(b, 2, 6), range.kind());
                };
            }
        }
        return null;
    }

    private static @Nullable String embedded(byte[] ipv4, String translation) {
        try {
            String kind = nonPublicKind(Inet4Address.getByAddress(ipv4));
            return kind == null ? null : translation + " of " + kind;
        } catch (UnknownHostException impossible) {
            return "malformed";
        }
    }

    private static boolean isIpv4Mapped(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
