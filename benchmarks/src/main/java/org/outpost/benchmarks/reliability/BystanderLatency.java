package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outpost.benchmarks.macro.LatencyStats;

/**
 * Index-to-delivery latency of one user's instant alerts, per channel: for every story the index
 * took in during the drill (from Elasticsearch: its {@code indexed_at}), the time its delivery on
 * that channel was sent (from the user's delivery log). A story with no sent delivery by the
 * time of reading counts with the time waited so far, so a stalled dispatcher raises the
 * percentiles instead of leaving the sample.
 */
record BystanderLatency(String channel, int stories, int sent, LatencyStats stats) {

    static final List<String> CHANNELS = List.of("inapp", "email", "webhook");

    static List<BystanderLatency> measure(Map<String, Instant> indexed, JsonNode deliveryLog, Instant readAt) {
        Map<String, Map<String, Instant>> sentByChannel = new HashMap<>();
        for (JsonNode d : deliveryLog) {
            if (!d.path("status").asText().equals("sent")) {
                continue;
            }
            String at = d.path("sentAt").isTextual()
                    ? d.path("sentAt").asText()
                    : d.path("createdAt").asText();
            Instant sentAt = Instant.parse(at);
            for (JsonNode a : d.path("articles")) {
                sentByChannel
                        .computeIfAbsent(d.path("channel").asText(), c -> new HashMap<>())
                        .merge(a.path("id").asText(), sentAt, (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        List<BystanderLatency> out = new ArrayList<>();
        for (String channel : CHANNELS) {
            Map<String, Instant> sent = sentByChannel.getOrDefault(channel, Map.of());
            double[] millis = new double[indexed.size()];
            int i = 0;
            int delivered = 0;
            for (Map.Entry<String, Instant> e : indexed.entrySet()) {
                Instant to = sent.get(e.getKey());
                if (to != null) {
                    delivered++;
                } else {
                    to = readAt;
                }
                millis[i++] = Math.max(0, Duration.between(e.getValue(), to).toMillis());
            }
            out.add(new BystanderLatency(channel, indexed.size(), delivered, LatencyStats.of(millis)));
        }
        return out;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "%d of %d stories sent; p50 %.0f ms, p95 %.0f ms, max %.0f ms",
                sent,
                stories,
                stats.p50(),
                stats.p95(),
                stats.max());
    }
}
