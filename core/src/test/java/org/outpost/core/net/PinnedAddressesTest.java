package org.outpost.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.spi.InetAddressResolver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding against the real JDK HTTP client: a name server that answers a public address to
 * the check and loopback a moment later. The JVM address cache is off in this module's tests
 * (surefire argLine), as it is in effect when a cached answer expires between check and connect.
 */
class PinnedAddressesTest {

    private static final String HOST = "rebinding.outpost.test";

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer loopback;

    @BeforeEach
    void rebindingDnsAndALoopbackServer() throws IOException {
        loopback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        loopback.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        loopback.start();
        PinnedAddresses.upstreamForTests(new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (!host.equals(HOST)) {
                    throw new UnknownHostException(host);
                }
                // first answer public (TEST-NET addresses are refused, so a real public one), then loopback
                byte[] address = lookups.getAndIncrement() == 0
                        ? new byte[] {93, (byte) 184, (byte) 216, 34}
                        : new byte[] {127, 0, 0, 1};
                return Stream.of(InetAddress.getByAddress(host, address));
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                throw new UnknownHostException();
            }
        });
    }

    @AfterEach
    void stop() {
        PinnedAddresses.upstreamForTests(null);
        loopback.stop(0);
    }

    @Test
    void theJvmResolvesThroughThePins() {
        assertThat(PinnedAddresses.enforced()).isTrue();
    }

    @Test
    void aNameThatRebindsAfterTheCheckDoesNotLeadTheClientToLoopback() throws Exception {
        URI uri = URI.create("http://" + HOST + ":" + loopback.getAddress().getPort() + "/x");
        try (AddressPin pin = PublicAddresses.pinIfPublic(HOST);
                HttpClient client = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(500))
                        .build()) {
            assertThatThrownBy(() -> client.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(IOException.class);
        }

        assertThat(requests).hasValue(0);
    }

    @Test
    void withoutThePinTheSameNameReachesLoopback() throws Exception {
        // shows the test above can fail: the check passes, the client's own lookup gets loopback
        URI uri = URI.create("http://" + HOST + ":" + loopback.getAddress().getPort() + "/x");
        assertThat(PublicAddresses.refusal(HOST)).isNull();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        }

        assertThat(requests).hasValue(1);
    }

    @Test
    void aClosedPinFallsThroughToTheResolver() throws Exception {
        try (AddressPin pin = PinnedAddresses.pin("pinned.outpost.test", InetAddress.getByName("8.8.8.8"))) {
            assertThat(InetAddress.getAllByName("pinned.outpost.test"))
                    .extracting(InetAddress::getHostAddress)
                    .containsExactly("8.8.8.8");
        }

        assertThatThrownBy(() -> InetAddress.getAllByName("pinned.outpost.test"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void aHostThatResolvesToANonPublicAddressIsRefusedAndNotPinned() {
        assertThatThrownBy(() -> PublicAddresses.pinIfPublic("[::127.0.0.1]"))
                .isInstanceOf(NonPublicAddressException.class)
                .hasMessageContaining("IPv4-compatible");
    }
}
