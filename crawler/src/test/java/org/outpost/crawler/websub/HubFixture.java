package org.outpost.crawler.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSub hub on 127.0.0.1, as the spec has one behave: it takes a subscription request,
 * answers 202, then checks the intent by calling the subscriber's callback with a challenge
 * (from another thread, after its answer), and later POSTs content signed with the secret.
 */
final class HubFixture implements AutoCloseable {

    /** A check the hub made on a callback: the mode, the status it got, and whether the challenge came back. */
    record Verification(String mode, String callback, int status, boolean echoed) {}

    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    final BlockingQueue<Verification> verifications = new LinkedBlockingQueue<>();
    volatile long leaseSeconds = 86_400;

    private final HttpServer server;
    private final ExecutorService calls = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newHttpClient();

    HubFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(form);
            ex.sendResponseHeaders(202, -1);
            calls.submit(() -> verify(form));
        }
    }

    private void verify(Map<String, String> form) {
        String challenge = UUID.randomUUID().toString();
        String mode = form.get("hub.mode");
        String query = "hub.mode=" + encode(mode) + "&hub.topic=" + encode(form.get("hub.topic")) + "&hub.challenge="
                + challenge + ("subscribe".equals(mode) ? "&hub.lease_seconds=" + leaseSeconds : "");
        verifications.add(check(mode, form.get("hub.callback"), query, challenge));
    }

    /** A GET on a callback as a hub sends it. */
    Verification check(String mode, String callback, String query, String challenge) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(callback + "?" + query))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Verification(mode, callback, response.statusCode(), challenge.equals(response.body()));
        } catch (IOException | InterruptedException e) {
            return new Verification(mode, callback, -1, false);
        }
    }

    /** Waits for the hub's next check of a callback (the hub makes it on its own thread). */
    Verification nextVerification() throws InterruptedException {
        Verification v = verifications.poll(60, TimeUnit.SECONDS);
        if (v == null) {
            throw new AssertionError("the hub made no verification within a minute");
        }
        return v;
    }

    /** POSTs content to the callback with this X-Hub-Signature (null: none); returns the status. */
    int publish(String callback, byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(callback))
                .header("Content-Type", "application/rss+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    List<Map<String, String>> requests(String mode) {
        return requests.stream().filter(r -> mode.equals(r.get("hub.mode"))).toList();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        http.close();
        server.stop(0);
    }
}
