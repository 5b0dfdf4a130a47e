package org.outpost.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;

/**
 * What a spike message says: the volume in the bucket against the baseline, and the articles
 * driving it. Stored as JSON on the delivery.
 *
 * @param scope what spiked: a topic name or the subscription's query
 * @param interval "hour" or "day"
 */
public record SpikeDetail(
        String scope,
        Instant bucket,
        String interval,
        long count,
        double baseline,
        double score,
        List<Story> articles) {

    public String toJson() {
        try {
            return MessageRenderer.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SpikeDetail fromJson(String json) {
        try {
            return MessageRenderer.JSON.readValue(json, SpikeDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable spike detail: " + json, e);
        }
    }
}
