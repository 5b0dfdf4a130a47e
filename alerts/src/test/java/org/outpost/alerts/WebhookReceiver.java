package org.outpost.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server that takes webhook POSTs and answers with the status a test sets. */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as received. */
    public record Request(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().getFirst())
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            arrivals.incrementAndGet();
            try {
                gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int answer = status;
            if (answer / 100 == 2) {
                received.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
            }
            byte[] out = (answer / 100 == 2 ? "ok" : "receiver is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void answer(int status) {
        this.status = status;
    }

    /** Holds every POST (one at a time: the server has one thread) until the gate opens. */
    public void holdUntil(java.util.concurrent.CountDownLatch gate) {
        this.gate = gate;
    }

    /** POSTs whose body was read, held or not. */
    public int arrivals() {
        return arrivals.get();
    }

    /** The POSTs answered with 2xx, in order. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
