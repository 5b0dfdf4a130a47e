package org.outpost.benchmarks.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.outpost.core.index.ArticleIndex;

/**
 * The floor the page figures are compared with, measured in the same run: the app's cheapest
 * page (the login page's HTML: no session, no data) and the node's cheapest search (a count).
 */
final class Baseline {

    private final HttpRequest login;
    private final ArticleIndex index;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Baseline(URI app, ArticleIndex index) {
        this.login = HttpRequest.newBuilder(app.resolve("/login"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        this.index = index;
    }

    void sample(RequestLog log) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(login, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                log.ok("GET /login (HTML)", (System.nanoTime() - start) / 1e6);
            } else {
                log.error("GET /login (HTML)", "HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            log.error("GET /login (HTML)", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        start = System.nanoTime();
        try {
            index.count();
            log.ok("Elasticsearch _count", (System.nanoTime() - start) / 1e6);
        } catch (RuntimeException e) {
            log.error("Elasticsearch _count", e.toString());
        }
    }
}
