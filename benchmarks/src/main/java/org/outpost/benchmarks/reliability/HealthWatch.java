package org.outpost.benchmarks.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Asks the app's {@code /actuator/health} once a second on a thread of its own, so a drill can
 * tell whether the app stayed up through a fault: every poll answered, and what it reported.
 */
final class HealthWatch implements AutoCloseable {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpRequest request;
    private final BooleanSupplier alive;
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger processDead = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;

    HealthWatch(URI app, BooleanSupplier processAlive) {
        this.request = HttpRequest.newBuilder(app.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        this.alive = processAlive;
        this.thread = Thread.ofPlatform().daemon().name("drill-health-watch").start(this::loop);
    }

    private void loop() {
        while (!stopped) {
            if (!alive.getAsBoolean()) {
                processDead.incrementAndGet();
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                String status = response.body().replaceAll("(?s).*?\"status\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
                answers.computeIfAbsent(
                                "HTTP " + response.statusCode() + " " + (status.length() > 20 ? "?" : status),
                                k -> new AtomicInteger())
                        .incrementAndGet();
            } catch (IOException e) {
                unanswered.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int unanswered() {
        return unanswered.get();
    }

    int processDead() {
        return processDead.get();
    }

    int polls() {
        return answers.values().stream().mapToInt(AtomicInteger::get).sum() + unanswered();
    }

    /** Answers by status code and reported status, e.g. {HTTP 200 UP=40, HTTP 503 DOWN=12}. */
    Map<String, Integer> answers() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        answers.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
