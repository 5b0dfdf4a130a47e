package org.outpost.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * The JVM's name resolver (registered in {@code META-INF/services}, JDK 18+): answers a name that
 * {@link PinnedAddresses} holds with exactly the addresses checked, so the HTTP client cannot be
 * sent elsewhere by a DNS answer that changed since the check (DNS rebinding); every other name
 * goes to the built-in resolver.
 */
public final class PinningResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        PinnedAddresses.installed();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Stream<InetAddress> pinned = PinnedAddresses.lookup(host, policy);
                return pinned != null
                        ? pinned
                        : PinnedAddresses.upstream(builtin).lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return PinnedAddresses.upstream(builtin).lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "Outpost pinned addresses";
    }
}
