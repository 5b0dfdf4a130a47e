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
                "[2a00:1450:4001:81a::200e]"
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
        "::ffff:10.1.2.3, private"
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
