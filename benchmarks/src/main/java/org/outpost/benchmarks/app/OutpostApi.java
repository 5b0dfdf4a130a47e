package org.outpost.benchmarks.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The app's REST API as a drill or load test calls it: JSON in and out, HTTP Basic as one user. */
public final class OutpostApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OutpostApi(URI base, String user, String password) {
        this.base = base;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One answer: the status and the body as JSON (a JSON string node when the body is not JSON). */
    public record Response(int status, JsonNode body) {
        public Response expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("Expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A Micrometer meter's first measurement from {@code /actuator/metrics/<name>}, with optional {@code tag=k:v}. */
    public double metric(String name, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        JsonNode body = get(path.toString()).expect(200).body();
        return body.path("measurements").path(0).path("value").asDouble();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body;
            try {
                body = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                body = JSON.getNodeFactory().textNode(text);
            }
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
