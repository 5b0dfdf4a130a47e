package org.outpost.benchmarks.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the article index twice a second which articles a search finds, and notes when each URL
 * was first found: the moment it became searchable for a reader. It never refreshes the index
 * itself (that would make articles searchable sooner than the app does); it only searches, with
 * a filter on when articles were indexed so each answer stays small.
 */
final class SearchableWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVERY = Duration.ofMillis(500);
    /** Articles indexed this long before a search are still asked for (an index refresh takes about a second). */
    private static final Duration OVERLAP = Duration.ofMinutes(2);

    private final URI search;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int failures;

    SearchableWatch(URI elasticsearch, String index) {
        this.search = elasticsearch.resolve("/" + index + "/_search");
        this.thread = Thread.ofPlatform().daemon().name("searchable-watch").start(this::loop);
    }

    /** When the URL was first found, or null. */
    Instant firstSeen(String url) {
        return firstSeen.get(FreshnessBenchmark.normal(url));
    }

    int failures() {
        return failures;
    }

    private void loop() {
        while (running) {
            Instant asked = Instant.now();
            try {
                String body = "{\"size\":5000,\"_source\":[\"url\"],\"query\":{\"range\":{\"indexed_at\":{\"gte\":\""
                        + asked.minus(OVERLAP) + "\"}}}}";
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(search)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    Instant answered = Instant.now();
                    for (JsonNode hit :
                            JSON.readTree(response.body()).path("hits").path("hits")) {
                        firstSeen.putIfAbsent(
                                FreshnessBenchmark.normal(
                                        hit.path("_source").path("url").asText()),
                                answered);
                    }
                } else {
                    failures++; // the index is not there yet (the app creates it on start)
                }
            } catch (Exception e) {
                failures++;
            }
            try {
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
