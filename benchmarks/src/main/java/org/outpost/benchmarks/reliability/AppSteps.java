package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.outpost.benchmarks.app.AppProcess;
import org.outpost.benchmarks.app.OutpostApi;

/** What the crash drills do to and ask of the app, through its API as an operator or client would. */
final class AppSteps {

    private AppSteps() {}

    /**
     * The app on a drill's Elasticsearch, tuned only where the defaults would make a drill slow or
     * blur what it counts: no pause between pages of one host (loopback sites), no page limit per run
     * (a run covers the whole corpus), and no storm grouping (one delivery per story, so deliveries
     * can be counted against the index).
     */
    static AppProcess.Builder app(Path dataDir, DrillElasticsearch es) {
        // the machine the drills share with other work may be slow to start a JVM: 3 min were not always enough
        return AppProcess.in(dataDir)
                .elasticsearch(es.url())
                .startTimeout(Duration.ofMinutes(6))
                .set("outpost.crawler.per-host-delay", "0s")
                .set("outpost.crawler.max-pages-per-run", "1000000")
                .set("outpost.alerts.storm-threshold", "1000000");
    }

    /** An instant subscription of the admin's; {@code query} null means every English article (a language filter). */
    /** The language filter of a subscription without a query ("Everything"). */
    static final String EVERYTHING_LANGUAGE = "en";

    static long subscribe(OutpostApi api, String name, String query, List<Map<String, Object>> channels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (query != null) {
            body.put("query", query);
        } else {
            body.put("languages", List.of(EVERYTHING_LANGUAGE));
        }
        body.put("frequency", "instant");
        body.put("channels", channels);
        return api.post("/api/v1/subscriptions", body)
                .expect(201)
                .body()
                .path("id")
                .asLong();
    }

    /** How the delivery log names a webhook channel: the masked URL and a digest of the whole (issue 15). */
    static String webhookKey(String url) {
        return new org.outpost.alerts.subscription.Channel.Webhook(url, null, false).key();
    }

    static Map<String, Object> webhook(String url) {
        return Map.of("type", "webhook", "url", url);
    }

    static Map<String, Object> email(String address) {
        return Map.of("type", "email", "address", address);
    }

    /**
     * Follows the link of the confirmation message the app sent to {@code address}, as its
     * recipient would: alerts go only to confirmed addresses (issue 15).
     */
    static void confirmEmail(OutpostApi api, SmtpFixture smtp, String address) {
        try {
            String path = smtp.confirmationPath(address, Duration.ofSeconds(30));
            if (path == null) {
                throw new IllegalStateException("no confirmation message reached " + address + " within 30 s");
            }
            api.get(path).expect(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The runs of a source, newest first. */
    static List<JsonNode> runs(OutpostApi api, long sourceId) {
        List<JsonNode> runs = new ArrayList<>();
        api.get("/api/v1/sources/" + sourceId + "/runs?limit=50")
                .expect(200)
                .body()
                .forEach(r -> runs.add(r.path("run")));
        return runs;
    }

    /** Whether every source's newest run has ended with everything settled (succeeded, partial or degraded). */
    static boolean runsFinished(OutpostApi api, List<Long> sources) {
        for (long id : sources) {
            List<JsonNode> runs = runs(api, id);
            if (runs.isEmpty()
                    || !List.of("succeeded", "partial", "degraded")
                            .contains(runs.getFirst().path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** "status×count" of every run of these sources, for the report. */
    static String runSummary(OutpostApi api, List<Long> sources) {
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        for (long id : sources) {
            runs(api, id)
                    .forEach(r -> byStatus.merge(
                            r.path("trigger").asText() + " " + r.path("status").asText(), 1, Integer::sum));
        }
        return byStatus.toString();
    }

    /** Deliveries not yet settled: pending (including those waiting for a retry) or being sent. */
    static int unsettledDeliveries(OutpostApi api) {
        return api.get("/api/v1/notifications?status=pending&limit=500")
                        .expect(200)
                        .body()
                        .size()
                + api.get("/api/v1/notifications?status=sending&limit=500")
                        .expect(200)
                        .body()
                        .size();
    }

    /** Polls until the condition holds (a failing poll counts as not yet); false on timeout. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // the app or the index is still starting: ask again
            }
            sleep(Duration.ofMillis(500));
        }
        return false;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String seconds(Instant from, Instant to) {
        return seconds(Duration.between(from, to));
    }
}
