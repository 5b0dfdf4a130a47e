package org.outpost.crawler.websub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.outpost.crawler.WebSubCallbacks;

/**
 * The app's callback as the dashboard serves it ({@code WebSubCallbackController}), on a real
 * HTTP server: GET and POST of {@code /websub/{id}} handed to the crawler's {@link
 * WebSubCallbacks}, answered with what it says. The dashboard's own test checks the controller
 * and its security in the running app.
 */
final class CallbackServer implements AutoCloseable {

    private final HttpServer server;
    private volatile WebSubCallbacks callbacks;

    CallbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        server.createContext("/websub/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answerWith(WebSubCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String id = ex.getRequestURI().getPath().substring("/websub/".length());
            if ("GET".equals(ex.getRequestMethod())) {
                String query = ex.getRequestURI().getRawQuery();
                Map<String, String> params = HubFixture.form(query == null ? "" : query);
                Optional<String> body = callbacks.verify(
                        id,
                        params.get("hub.mode"),
                        params.get("hub.topic"),
                        params.get("hub.challenge"),
                        params.get("hub.lease_seconds"),
                        params.get("hub.reason"));
                byte[] bytes = body.orElse("No such subscription.\n").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(body.isPresent() ? 200 : 404, bytes.length == 0 ? -1 : bytes.length);
                ex.getResponseBody().write(bytes);
            } else {
                byte[] body = ex.getRequestBody().readNBytes((int) callbacks.maxBodyBytes() + 1);
                WebSubCallbacks.Receipt receipt =
                        callbacks.receive(id, ex.getRequestHeaders().getFirst("X-Hub-Signature"), body);
                ex.sendResponseHeaders(receipt.httpStatus(), -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
