package org.outpost.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.net.AddressPin;
import org.outpost.core.net.PinnedAddresses;
import org.outpost.crawler.fetch.FetchResult.Status;

class PageFetcherTest {

    private static final String RUSSIAN =
            "Пограничники Таджикистана сообщили о задержании группы нарушителей на границе с Афганистаном. "
                    + "По словам представителя ведомства, ситуация остается напряженной.";

    private LocalServer server;
    private PageFetcher fetcher;

    /** Local servers live on 127.0.0.1, so these tests opt in to private addresses. */
    private static FetchSettings localSettings() {
        return FetchSettings.defaults()
                .withAllowPrivateAddresses(true)
                .withPerHostDelay(Duration.ZERO)
                .withReadTimeout(Duration.ofSeconds(3));
    }

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        fetcher = new PageFetcher(localSettings());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private PageFetcher fetcherWith(FetchSettings settings) {
        fetcher.close();
        fetcher = new PageFetcher(settings);
        return fetcher;
    }

    // --- basic fetching -------------------------------------------------------------------------

    @Test
    void fetchesHtmlPageAndIdentifiesItselfOnEveryRequestIncludingRobots() {
        server.on("/news", ex -> {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
            LocalServer.respond(
                    ex,
                    200,
                    "text/html; charset=utf-8",
                    "<html><body>Душанбе</body></html>".getBytes(StandardCharsets.UTF_8));
        });

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/news")));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.contentType()).isEqualTo("text/html");
        assertThat(result.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(result.text()).contains("Душанбе");
        assertThat(result.etag()).isEqualTo("\"v1\"");
        assertThat(result.lastModified()).isEqualTo("Tue, 24 Nov 2026 10:00:00 GMT");
        assertThat(result.finalUri()).isEqualTo(URI.create(server.url("/news")));
        assertThat(server.hitsOn("/robots.txt"))
                .singleElement()
                .satisfies(h -> assertThat(h.userAgent()).isEqualTo(FetchSettings.DEFAULT_USER_AGENT));
        assertThat(server.hitsOn("/news")).singleElement().satisfies(h -> {
            assertThat(h.userAgent()).isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
            assertThat(h.headers().getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
        });
    }

    @Test
    void conditionalGetReportsNotModifiedWithEmptyBody() {
        server.on("/feed", ex -> {
            boolean fresh = "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))
                    && ex.getRequestHeaders().getFirst("If-Modified-Since") != null;
            if (fresh) {
                ex.sendResponseHeaders(304, -1);
            } else {
                LocalServer.respond(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchResult result = fetcher.fetch(
                new FetchRequest(URI.create(server.url("/feed")), "\"v1\"", "Tue, 24 Nov 2026 10:00:00 GMT"));

        assertThat(result.status()).isEqualTo(Status.NOT_MODIFIED);
        assertThat(result.httpStatus()).isEqualTo(304);
        assertThat(result.body()).isEmpty();
        assertThat(result.etag()).isEqualTo("\"v1\"");
        assertThat(server.hitsOn("/feed").get(0).headers().getFirst("If-Modified-Since"))
                .isEqualTo("Tue, 24 Nov 2026 10:00:00 GMT");
    }

    // --- redirects ------------------------------------------------------------------------------

    @Test
    void followsRedirectChainWithinLimit() {
        server.redirect("/r1", 301, server.url("/r2"))
                .redirect("/r2", 302, server.url("/r3"))
                .redirect("/r3", 307, server.url("/final"))
                .text("/final", 200, "text/html", "<html>done</html>");

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/r1")));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.requestedUri()).isEqualTo(URI.create(server.url("/r1")));
        assertThat(result.finalUri()).isEqualTo(URI.create(server.url("/final")));
        assertThat(result.text()).isEqualTo("<html>done</html>");
    }

    @Test
    void redirectLoopIsDetected() {
        server.redirect("/a", 302, "/b").redirect("/b", 302, "/a");

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/a")));

        assertThat(result.status()).isEqualTo(Status.REDIRECT_LIMIT);
        assertThat(result.reason()).contains("loop");
        assertThat(server.count("/a")).isEqualTo(1);
    }

    @Test
    void tooManyRedirectsStopAtTheLimit() {
        for (int i = 0; i < 10; i++) {
            server.redirect("/hop" + i, 302, "/hop" + (i + 1));
        }
        fetcherWith(localSettings().withMaxRedirects(3));

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/hop0")));

        assertThat(result.status()).isEqualTo(Status.REDIRECT_LIMIT);
        assertThat(result.reason()).contains("more than 3 redirects");
        assertThat(server.count("/hop3")).isEqualTo(1);
        assertThat(server.count("/hop4")).isZero();
    }

    @Test
    void relativeRedirectIsResolvedAgainstTheCurrentUri() {
        server.redirect("/news/2026/item", 301, "../archive/item?id=7")
                .text("/news/archive/item?id=7", 200, "text/html", "<html>archived</html>");

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/news/2026/item")));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.finalUri()).isEqualTo(URI.create(server.url("/news/archive/item?id=7")));
        assertThat(result.text()).isEqualTo("<html>archived</html>");
    }

    // --- size and time limits -------------------------------------------------------------------

    @Test
    void slowDripServerTimesOut() {
        server.on("/drip", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < 60; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fetcherWith(localSettings().withReadTimeout(Duration.ofMillis(1500)));

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/drip")));

        assertThat(result.status()).isEqualTo(Status.TIMEOUT);
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void bodyLargerThanLimitIsTooLargeWithOrWithoutContentLength() {
        byte[] big = new byte[50_000];
        Arrays.fill(big, (byte) 'a');
        server.bytes("/sized", 200, "text/plain", big);
        server.on("/chunked", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(big);
            }
        });
        fetcherWith(localSettings().withMaxBodyBytes(10_000));

        FetchResult sized = fetcher.fetch(FetchRequest.of(server.url("/sized")));
        FetchResult chunked = fetcher.fetch(FetchRequest.of(server.url("/chunked")));

        assertThat(sized.status()).isEqualTo(Status.TOO_LARGE);
        assertThat(chunked.status()).isEqualTo(Status.TOO_LARGE);
        assertThat(chunked.body()).isEmpty();
    }

    @Test
    void gzipBombStopsAtTheLimitQuickly() throws IOException {
        byte[][] bomb = GzipBomb.parts(1024); // 1024 × 1 MiB of zeros = 1 GiB inflated
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bomb[0]);
                for (int i = 0; i < 1024; i++) {
                    out.write(bomb[1]);
                }
                out.write(bomb[2]);
            }
        });
        fetcherWith(localSettings().withMaxBodyBytes(2L * 1024 * 1024));

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/bomb")));

        assertThat(result.status()).isEqualTo(Status.TOO_LARGE);
        assertThat(result.reason()).contains("after decoding");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws IOException {
        String html = "<html><body>" + "Хорог ".repeat(200) + "</body></html>";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
        server.on("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.respond(ex, 200, "text/html; charset=utf-8", gz.toByteArray());
        });
        server.on("/deflate", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            LocalServer.respond(ex, 200, "text/html; charset=utf-8", zlib.toByteArray());
        });

        assertThat(fetcher.fetch(FetchRequest.of(server.url("/gz"))).text()).isEqualTo(html);
        assertThat(fetcher.fetch(FetchRequest.of(server.url("/deflate"))).text())
                .isEqualTo(html);
    }

    // --- content types --------------------------------------------------------------------------

    @Test
    void unsupportedContentTypeIsReportedWithoutBody() {
        server.bytes("/photo.png", 200, "image/png", new byte[200_000]);

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/photo.png")));

        assertThat(result.status()).isEqualTo(Status.UNSUPPORTED_CONTENT_TYPE);
        assertThat(result.reason()).contains("image/png");
        assertThat(result.body()).isEmpty();
    }

    @Test
    void octetStreamIsAcceptedOnlyWhenItSniffsAsMarkup() {
        server.text("/sitemap", 200, "application/octet-stream", "<?xml version=\"1.0\"?><urlset></urlset>");
        server.bytes("/blob", 200, "application/octet-stream", new byte[] {0x50, 0x4b, 3, 4, 0, 0});
        server.text("/feed", 200, "application/atom+xml", "<feed/>");

        assertThat(fetcher.fetch(FetchRequest.of(server.url("/sitemap"))).status())
                .isEqualTo(Status.OK);
        assertThat(fetcher.fetch(FetchRequest.of(server.url("/feed"))).status()).isEqualTo(Status.OK);
        FetchResult blob = fetcher.fetch(FetchRequest.of(server.url("/blob")));
        assertThat(blob.status()).isEqualTo(Status.UNSUPPORTED_CONTENT_TYPE);
        assertThat(blob.reason()).contains("application/octet-stream");
    }

    // --- character sets -------------------------------------------------------------------------

    @Test
    void undeclaredWindows1251AndKoi8rAreDetected() {
        server.bytes("/cp1251", 200, "text/html", ("<p>" + RUSSIAN + "</p>").getBytes(TextDecoder.WINDOWS_1251));
        server.bytes("/koi8", 200, "text/html", ("<p>" + RUSSIAN + "</p>").getBytes(TextDecoder.KOI8_R));

        assertThat(fetcher.fetch(FetchRequest.of(server.url("/cp1251"))).text()).isEqualTo("<p>" + RUSSIAN + "</p>");
        assertThat(fetcher.fetch(FetchRequest.of(server.url("/koi8"))).text()).isEqualTo("<p>" + RUSSIAN + "</p>");
    }

    @Test
    void headerCharsetWinsOverDocumentDeclarationAndDetection() {
        String page = "<html><head><meta charset=\"koi8-r\"></head><body>" + RUSSIAN + "</body></html>";
        server.bytes("/right", 200, "text/html; charset=windows-1251", page.getBytes(TextDecoder.WINDOWS_1251));
        // A wrong header is still obeyed, as browsers do: the text comes out as KOI8-R mojibake.
        server.bytes("/wrong", 200, "text/html; charset=koi8-r", RUSSIAN.getBytes(TextDecoder.WINDOWS_1251));

        assertThat(fetcher.fetch(FetchRequest.of(server.url("/right"))).text()).isEqualTo(page);
        FetchResult wrong = fetcher.fetch(FetchRequest.of(server.url("/wrong")));
        assertThat(wrong.charset()).isEqualTo(TextDecoder.KOI8_R);
        assertThat(wrong.text()).isEqualTo(new String(RUSSIAN.getBytes(TextDecoder.WINDOWS_1251), TextDecoder.KOI8_R));
    }

    // --- address guard --------------------------------------------------------------------------

    @Test
    void defaultSettingsRefuseLoopbackAndPrivateHostsWithoutConnecting() {
        server.text("/", 200, "text/html", "<html>secret</html>");
        fetcherWith(localSettings().withAllowPrivateAddresses(false));

        FetchResult literal = fetcher.fetch(FetchRequest.of(server.url("/")));
        FetchResult name = fetcher.fetch(FetchRequest.of(server.localhostUrl("/")));
        FetchResult v6 = fetcher.fetch(FetchRequest.of("http://[::1]:" + server.port() + "/"));
        FetchResult privateNet = fetcher.fetch(FetchRequest.of("http://10.0.0.1/"));

        assertThat(literal.status()).isEqualTo(Status.BLOCKED_ADDRESS);
        assertThat(literal.reason()).contains("127.0.0.1").contains("loopback");
        assertThat(name.status()).isEqualTo(Status.BLOCKED_ADDRESS);
        assertThat(name.reason()).containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(v6.status()).isEqualTo(Status.BLOCKED_ADDRESS);
        assertThat(v6.reason()).contains("0:0:0:0:0:0:0:1");
        assertThat(privateNet.status()).isEqualTo(Status.BLOCKED_ADDRESS);
        assertThat(privateNet.reason()).contains("10.0.0.1").contains("private");
        assertThat(server.hits).isEmpty();
    }

    @Test
    void redirectHopToAForbiddenAddressIsRefused() throws IOException {
        server.redirect("/start", 302, server.localhostUrl("/admin"));
        server.text("/admin", 200, "text/html", "<html>admin</html>");
        // Stand-in for a public first hop: only the literal 127.0.0.1 counts as allowed here.
        PublicAddressPolicy real = new PublicAddressPolicy();
        AddressPolicy firstHopOnly = host -> host.equals("127.0.0.1") ? AddressPin.NONE : real.admit(host);
        fetcher.close();
        fetcher = new PageFetcher(localSettings().withAllowPrivateAddresses(false), firstHopOnly);

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/start")));

        assertThat(result.status()).isEqualTo(Status.BLOCKED_ADDRESS);
        assertThat(result.finalUri()).isEqualTo(URI.create(server.localhostUrl("/admin")));
        assertThat(result.reason()).contains("localhost").containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(server.count("/start")).isEqualTo(1);
        assertThat(server.count("/admin")).isZero();
    }

    @Test
    void theConnectionGoesToTheAddressesTheCheckPinned() {
        // A name no DNS server knows: the fetch can only reach the local server through the pin.
        server.text("/pinned", 200, "text/html", "<html>pinned</html>");
        AddressPolicy pinToLoopback =
                host -> PinnedAddresses.pin(host, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        fetcher.close();
        fetcher = new PageFetcher(localSettings(), pinToLoopback);

        FetchResult result =
                fetcher.fetch(FetchRequest.of(server.url("/pinned").replace("127.0.0.1", "pinned-site.outpost.test")));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(server.count("/pinned")).isEqualTo(1);
    }

    // --- robots.txt and politeness --------------------------------------------------------------

    @Test
    void robotsDisallowIsRespectedAndRobotsIsFetchedOncePerHost() {
        server.text("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.text("/public", 200, "text/html", "<html>ok</html>");
        server.text("/private/page", 200, "text/html", "<html>no</html>");

        FetchResult allowed = fetcher.fetch(FetchRequest.of(server.url("/public")));
        FetchResult disallowed = fetcher.fetch(FetchRequest.of(server.url("/private/page")));
        FetchResult overridden =
                fetcher.fetch(FetchRequest.of(server.url("/private/page")).ignoringRobots());

        assertThat(allowed.status()).isEqualTo(Status.OK);
        assertThat(disallowed.status()).isEqualTo(Status.DISALLOWED_BY_ROBOTS);
        assertThat(overridden.status()).isEqualTo(Status.OK);
        assertThat(server.count("/robots.txt")).isEqualTo(1);
        assertThat(server.count("/private/page")).isEqualTo(1);
    }

    @Test
    void robotsGroupForOurProductTokenApplies() {
        server.text("/robots.txt", 200, "text/plain", "User-agent: outpost\nDisallow: /\n\nUser-agent: *\nAllow: /\n");
        server.text("/page", 200, "text/html", "<html>ok</html>");

        assertThat(fetcher.fetch(FetchRequest.of(server.url("/page"))).status()).isEqualTo(Status.DISALLOWED_BY_ROBOTS);
    }

    @Test
    void missingRobotsAllowsEverything() {
        server.text("/page", 200, "text/html", "<html>ok</html>"); // /robots.txt answers 404

        assertThat(fetcher.fetch(FetchRequest.of(server.url("/page"))).status()).isEqualTo(Status.OK);
    }

    @Test
    void robotsServerErrorDisallowsTheHostForNow() {
        server.text("/robots.txt", 500, "text/plain", "oops");
        server.text("/page", 200, "text/html", "<html>ok</html>");

        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/page")));

        assertThat(result.status()).isEqualTo(Status.DISALLOWED_BY_ROBOTS);
        assertThat(server.count("/page")).isZero();
    }

    @Test
    void crawlDelayFromRobotsSpacesRequestsToOneHost() {
        server.text("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n");
        server.text("/one", 200, "text/html", "<html>1</html>");
        server.text("/two", 200, "text/html", "<html>2</html>");

        fetcher.fetch(FetchRequest.of(server.url("/one")));
        fetcher.fetch(FetchRequest.of(server.url("/two")));

        long gap = server.hitsOn("/two").get(0).atNanos()
                - server.hitsOn("/one").get(0).atNanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void perHostDelaySerialisesOneHostButNotTwo() throws Exception {
        server.on("/slow", ex -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalServer.respond(ex, 200, "text/html", "<html>x</html>".getBytes(StandardCharsets.UTF_8));
        });
        // Two hosts in flight at once is proven by a rendezvous, not a stopwatch: each request waits
        // at the server until the other one has arrived, which only happens if neither waits for the
        // other at the fetcher.
        CountDownLatch bothArrived = new CountDownLatch(2);
        server.on("/together", ex -> {
            bothArrived.countDown();
            try {
                bothArrived.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalServer.respond(ex, 200, "text/html", "<html>x</html>".getBytes(StandardCharsets.UTF_8));
        });
        fetcherWith(localSettings().withPerHostDelay(Duration.ofMillis(600)));
        // Warm the robots cache for both host names so only page requests are timed.
        fetcher.fetch(FetchRequest.of(server.url("/warm")));
        fetcher.fetch(FetchRequest.of(server.localhostUrl("/warm")));
        server.hits.clear();
        // Our own threads: the common pool has a single worker on a two-core machine, which would
        // serialise the two calls before they ever reach the fetcher.
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<FetchResult> a =
                    CompletableFuture.supplyAsync(() -> fetcher.fetch(FetchRequest.of(server.url("/slow"))), callers);
            CompletableFuture<FetchResult> b =
                    CompletableFuture.supplyAsync(() -> fetcher.fetch(FetchRequest.of(server.url("/slow"))), callers);
            CompletableFuture.allOf(a, b).join();
            long sameHostGap =
                    Math.abs(server.hits.get(1).atNanos() - server.hits.get(0).atNanos());

            CompletableFuture<FetchResult> c = CompletableFuture.supplyAsync(
                    () -> fetcher.fetch(FetchRequest.of(server.url("/together"))), callers);
            CompletableFuture<FetchResult> d = CompletableFuture.supplyAsync(
                    () -> fetcher.fetch(FetchRequest.of(server.localhostUrl("/together"))), callers);
            CompletableFuture.allOf(c, d).join();

            assertThat(a.join().status()).isEqualTo(Status.OK);
            assertThat(b.join().status()).isEqualTo(Status.OK);
            // The second request may start only after the first finished (400 ms) plus the delay
            // (600 ms); a slow machine only widens the gap.
            assertThat(Duration.ofNanos(sameHostGap)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
            assertThat(bothArrived.getCount())
                    .as("a request to a second host was held back by the first host's delay")
                    .isZero();
            assertThat(c.join().status()).isEqualTo(Status.OK);
            assertThat(d.join().status()).isEqualTo(Status.OK);
        } finally {
            callers.shutdownNow();
        }
    }

    // --- errors and back-off --------------------------------------------------------------------

    @Test
    void retryAfterIsReportedInSecondsAndAsHttpDate() {
        server.on("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            LocalServer.respond(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
        String inTwoHours = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusHours(2));
        server.on("/down", ex -> {
            ex.getResponseHeaders().set("Retry-After", inTwoHours);
            LocalServer.respond(ex, 503, "text/plain", "maintenance".getBytes(StandardCharsets.UTF_8));
        });

        FetchResult busy = fetcher.fetch(FetchRequest.of(server.url("/busy")));
        FetchResult down = fetcher.fetch(FetchRequest.of(server.url("/down")));

        assertThat(busy.status()).isEqualTo(Status.HTTP_ERROR);
        assertThat(busy.httpStatus()).isEqualTo(429);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(down.status()).isEqualTo(Status.HTTP_ERROR);
        assertThat(down.httpStatus()).isEqualTo(503);
        assertThat(down.retryAfter()).isBetween(Duration.ofMinutes(118), Duration.ofMinutes(120));
    }

    @Test
    void notFoundIsAnHttpErrorWithoutRetryAfter() {
        FetchResult result = fetcher.fetch(FetchRequest.of(server.url("/missing")));

        assertThat(result.status()).isEqualTo(Status.HTTP_ERROR);
        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.retryAfter()).isNull();
    }

    @Test
    void unreachableHostIsANetworkError() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        FetchResult result = fetcher.fetch(
                FetchRequest.of("http://127.0.0.1:" + closedPort + "/").ignoringRobots());

        assertThat(result.status()).isEqualTo(Status.NETWORK_ERROR);
        assertThat(result.reason()).isNotBlank();
    }

    /** Builds a gzip stream of N MiB of zeros from a repeatable full-flush block. */
    static final class GzipBomb {
        private static final int MIB = 1024 * 1024;

        /** [header, one MiB block to repeat N times, trailer]. */
        static byte[][] parts(int mebibytes) {
            byte[] zeros = new byte[MIB];
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            // After a FULL_FLUSH the compressor forgets its history, so every block of zeros compresses
            // to the same bytes and can simply be repeated.
            deflater.setInput(zeros);
            drain(deflater, Deflater.FULL_FLUSH);
            deflater.setInput(zeros);
            byte[] block = drain(deflater, Deflater.FULL_FLUSH);
            deflater.finish();
            byte[] end = drain(deflater, Deflater.NO_FLUSH);
            deflater.end();
            CRC32 crc = new CRC32();
            for (int i = 0; i < mebibytes; i++) {
                crc.update(zeros);
            }
            long size = (long) mebibytes * MIB;
            byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
            ByteArrayOutputStream trailer = new ByteArrayOutputStream();
            trailer.writeBytes(end);
            writeIntLe(trailer, crc.getValue());
            writeIntLe(trailer, size);
            return new byte[][] {header, block, trailer.toByteArray()};
        }

        private static byte[] drain(Deflater deflater, int flush) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, flush);
                out.write(buffer, 0, n);
                if (flush == Deflater.NO_FLUSH ? deflater.finished() : (n < buffer.length && deflater.needsInput())) {
                    return out.toByteArray();
                }
            }
        }

        private static void writeIntLe(ByteArrayOutputStream out, long v) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
        }
    }
}
