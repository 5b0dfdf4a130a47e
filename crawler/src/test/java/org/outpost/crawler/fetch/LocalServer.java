package org.outpost.crawler.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 with per-path handlers; unknown paths answer 404. */
final class LocalServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Hit(String path, long atNanos, String userAgent, Headers headers) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    final List<Hit> hits = new CopyOnWriteArrayList<>();

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    String localhostUrl(String path) {
        return "http://localhost:" + port() + path;
    }

    LocalServer on(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    LocalServer text(String path, int status, String contentType, String body) {
        return bytes(path, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    LocalServer bytes(String path, int status, String contentType, byte[] body) {
        return on(path, ex -> respond(ex, status, contentType, body));
    }

    LocalServer redirect(String path, int status, String location) {
        return on(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
    }

    long count(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    List<Hit> hitsOn(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        String key = query == null ? path : path + "?" + query;
        hits.add(new Hit(
                key,
                System.nanoTime(),
                ex.getRequestHeaders().getFirst("User-Agent"),
                new Headers(ex.getRequestHeaders())));
        HttpHandler handler = routes.getOrDefault(key, routes.get(path));
        try {
            if (handler == null) {
                respond(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(ex);
            }
        } catch (IOException clientWentAway) {
            // Expected when the fetcher aborts a body on purpose.
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
