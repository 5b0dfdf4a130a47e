package org.outpost.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The JVM-wide table of pinned host names behind {@link PinningResolverProvider}.
 *
 * <p>Why a resolver and not a connection to the address itself: {@link java.net.http.HttpClient}
 * has no socket factory or "connect to this address" hook, and rewriting the URI to the IP literal
 * would break TLS (SNI and certificate checks use the URI's host) and the {@code Host} header.
 * The client resolves the host through {@link InetAddress}, which asks the JVM's resolver on a
 * cache miss; answering that lookup with the addresses just checked makes the connection go where
 * the check looked, while the host name stays the one in the URI. Names nobody pinned fall through
 * to the built-in resolver unchanged.
 *
 * <p>Several pins of one name may overlap (two fetches from one site): the last checked set
 * answers, every set was checked, and the name is released when the last pin closes.
 */
public final class PinnedAddresses {

    private record Pinned(InetAddress[] addresses, int holders) {}

    private static final Map<String, Pinned> PINS = new ConcurrentHashMap<>();
    private static volatile boolean installed;
    private static volatile @Nullable InetAddressResolver upstreamForTests;

    private PinnedAddresses() {}

    /** Pins the host to these addresses until the returned pin is closed. */
    public static AddressPin pin(String host, InetAddress... addresses) {
        String key = key(host);
        InetAddress[] copy = addresses.clone();
        PINS.compute(key, (k, old) -> new Pinned(copy, old == null ? 1 : old.holders() + 1));
        return new AddressPin() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    PINS.computeIfPresent(
                            key,
                            (k, old) -> old.holders() <= 1 ? null : new Pinned(old.addresses(), old.holders() - 1));
                }
            }
        };
    }

    /**
     * True when this JVM resolves names through {@link PinningResolverProvider}. The JDK picks its
     * resolver at the first lookup with the thread's context class loader; a launcher that hides
     * core's jar from it (or {@code -Djdk.net.hosts.file}) leaves pins without effect.
     */
    public static boolean enforced() {
        if (!installed) {
            try {
                InetAddress.getAllByName("localhost"); // the JDK loads its resolver on the first lookup
            } catch (UnknownHostException ignored) {
                // nothing to learn from a machine without localhost
            }
        }
        return installed;
    }

    static void installed() {
        installed = true;
    }

    /** Replaces the built-in resolver under the pins, so a test can play a DNS server that rebinds. */
    static void upstreamForTests(@Nullable InetAddressResolver resolver) {
        upstreamForTests = resolver;
    }

    static InetAddressResolver upstream(InetAddressResolver builtin) {
        InetAddressResolver test = upstreamForTests;
        return test != null ? test : builtin;
    }

    /** The pinned answer for the host in the order and families the lookup asks for, or null when not pinned. */
    static @Nullable Stream<InetAddress> lookup(String host, LookupPolicy policy) throws UnknownHostException {
        Pinned pinned = PINS.get(key(host));
        if (pinned == null) {
            return null;
        }
        int c = policy.characteristics();
        boolean v4 = (c & LookupPolicy.IPV4) != 0;
        boolean v6 = (c & LookupPolicy.IPV6) != 0;
        InetAddress[] answer = Arrays.stream(pinned.addresses())
                .filter(a -> a instanceof Inet4Address ? v4 : v6)
                .sorted(order(c))
                .toArray(InetAddress[]::new);
        if (answer.length == 0) {
            throw new UnknownHostException(host + " (pinned to addresses of another family)");
        }
        return Stream.of(answer);
    }

    private static Comparator<InetAddress> order(int characteristics) {
        if ((characteristics & LookupPolicy.IPV4_FIRST) != 0) {
            return Comparator.comparing(a -> a instanceof Inet6Address);
        }
        if ((characteristics & LookupPolicy.IPV6_FIRST) != 0) {
            return Comparator.comparing(a -> a instanceof Inet4Address);
        }
        return (a, b) -> 0; // stable sort keeps the checked order
    }

    private static String key(String host) {
        return PublicAddresses.bare(host).toLowerCase(Locale.ROOT);
    }
}
