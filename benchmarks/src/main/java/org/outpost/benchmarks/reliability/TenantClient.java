package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One user of the app as the hostile-tenant drill plays them: HTTP Basic with their password
 * (or a wrong one), from a loopback address of their own (so throttling by client address can
 * tell the attacker from the bystander, as it would tell two machines apart), every answer
 * written to the {@link AbuseLog} under the abuse it belongs to. Never throws for an answer the
 * app gives or fails to give: that is what the drill measures.
 */
final class TenantClient {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the app answered: status (-1 for none) and body (truncated for the report elsewhere). */
    record Answer(int status, String body, long millis) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI base;
    private final String user;
    private final String authorization;
    private final AbuseLog log;
    private final HttpClient http;

    TenantClient(URI base, String user, String password, String fromAddress, AbuseLog log) {
        this.base = base;
        this.user = user;
        this.authorization = basic(user, password);
        this.log = log;
        try {
            this.http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .localAddress(InetAddress.getByName(fromAddress))
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(fromAddress, e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String user() {
        return user;
    }

    Answer get(String abuse, String path) {
        return send(abuse, request(path, authorization).GET());
    }

    Answer post(String abuse, String path, Object body) {
        return send(
                abuse,
                request(path, authorization)
                        .header("Content-Type", "application/json")
                        .POST(json(body)));
    }

    Answer put(String abuse, String path, Object body) {
        return send(
                abuse,
                request(path, authorization)
                        .header("Content-Type", "application/json")
                        .PUT(json(body)));
    }

    Answer delete(String abuse, String path) {
        return send(abuse, request(path, authorization).DELETE());
    }

    /** A GET as someone else (a guessed password): the brute-force abuse. */
    Answer getAs(String abuse, String path, String otherUser, String password) {
        return send(abuse, request(path, basic(otherUser, password)).GET());
    }

    /** A GET with no credentials (the public confirmation link). */
    Answer getAnonymous(String abuse, String path) {
        return send(
                abuse,
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET());
    }

    private HttpRequest.Builder request(String path, String auth) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(TIMEOUT)
                .header("Authorization", auth)
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Answer send(String abuse, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            log.record(
                    abuse,
                    Integer.toString(answer.status()),
                    (retryAfter == null ? "" : "Retry-After: " + retryAfter + "; ") + answer.body());
            return answer;
        } catch (HttpTimeoutException e) {
            log.record(abuse, "no answer in " + TIMEOUT.toSeconds() + " s", e.toString());
            return new Answer(-1, "", (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            log.record(abuse, "connection closed", e.toString());
            return new Answer(-1, "", (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", 0);
        }
    }
}
