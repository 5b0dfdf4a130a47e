package org.outpost.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals only, so nothing here touches DNS or the network (the crawler and the webhooks both rely on these). */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "100.63.255.255",
                "100.128.0.1",
                "172.32.0.1",
                "2606:2800:220:1:248:1893:25c8:1946",
                "[2a00:1450:4001:81a::200e]",
                "198.17.255.255",
                "198.20.0.1",
                "192.0.1.1",
                "223.255.255.255",
                "::ffff:8.8.8.8",
                // translations of a public IPv4 address go where that address is
                "64:ff9b::808:808",
                "2002:808:808::1",
                "2001:4860:4860::8888"
            })
    void publicAddressesAreAllowed(String host) throws UnknownHostException {
        assertThat(PublicAddresses.refusal(host)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, loopback",
        "127.8.9.10, loopback",
        "::1, loopback",
        "[::1], loopback",
        "10.0.0.1, private",
        "172.16.0.1, private",
        "172.31.255.255, private",
        "192.168.1.1, private",
        "169.254.169.254, link-local",
        "fe80::1, link-local",
        "fc00::1, unique-local",
        "fd12:3456::1, unique-local",
        "224.0.0.1, multicast",
        "ff02::1, multicast",
        "0.0.0.0, any-local",
        "::, any-local",
        "100.64.0.1, CGNAT",
        "100.127.255.254, CGNAT",
        "::ffff:10.1.2.3, private",
        "198.18.0.1, benchmarking",
        "198.19.255.255, benchmarking",
        "240.0.0.1, reserved",
        "255.255.255.255, broadcast",
        "192.0.0.170, IETF protocol assignment",
        "192.0.2.1, TEST-NET-1",
        "198.51.100.7, TEST-NET-2",
        "203.0.113.9, TEST-NET-3",
        "192.88.99.1, 6to4 relay",
        "::127.0.0.1, IPv4-compatible",
        "[::127.0.0.1], IPv4-compatible",
        "::8.8.8.8, IPv4-compatible",
        "::ffff:0:7f00:1, IPv4-translated",
        "::ffff:127.0.0.1, loopback",
        "64:ff9b::7f00:1, NAT64 of loopback",
        "64:ff9b::a9fe:a9fe, NAT64 of link-local",
        "64:ff9b:1::808:808, local-use NAT64",
        "2002:7f00:1::1, 6to4 of loopback",
        "2002:c0a8:101::1, 6to4 of private",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo",
        "fec0::1, site-local",
        "feff::1, site-local",
        "2001:db8::1, documentation",
        "3fff::1, documentation",
        "100::1, discard-only",
        "2001:2::1, benchmarking",
        "2001:10::1, ORCHID",
        "fe80::1%1, link-local"
    })
    void nonPublicAddressesAreRefusedNamingTheAddress(String host, String kind) throws UnknownHostException {
        String reason = PublicAddresses.refusal(host);

        assertThat(reason)
                .isNotNull()
                .contains(kind)
                .contains(InetAddress.getByName(host.replace("[", "").replace("]", ""))
                        .getHostAddress());
    }
}
