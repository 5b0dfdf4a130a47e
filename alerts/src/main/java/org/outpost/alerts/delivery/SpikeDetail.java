package org.outpost.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a spike message says: the volume in the bucket against the baseline, and the articles
 * driving it. Stored as JSON on the delivery.
 *
 * @param scope what spiked: "topic &lt;id&gt;", "entity &lt;name&gt;" or the subscription's name in quotes
 * @param bucket the start of the window compared
 * @param interval "hour" or "day": the length of the window compared
 * @param phase "started", "ongoing" or "ended" (null in details stored before issue 17: a start)
 * @param sensitivity the preset whose comparison was used: "fewer", "balanced" or "more" (null before issue 17)
 * @param ratio the count over the baseline (a baseline under one counting as one)
 * @param since when the surge was first announced (for an update or its end)
 */
public record SpikeDetail(
        String scope,
        Instant bucket,
        String interval,
        long count,
        double baseline,
        double score,
        List<Story> articles,
        @Nullable String phase,
        @Nullable String sensitivity,
        double ratio,
        @Nullable Instant since) {

    public static final String STARTED = "started";
    public static final String ONGOING = "ongoing";
    public static final String ENDED = "ended";

    /** A spike as announced before sensitivity presets: a start, with no comparison named. */
    public SpikeDetail(
            String scope,
            Instant bucket,
            String interval,
            long count,
            double baseline,
            double score,
            List<Story> articles) {
        this(scope, bucket, interval, count, baseline, score, articles, null, null, 0, null);
    }

    /** The phase, a detail stored before phases existed reading as a start. */
    public String phaseOrStarted() {
        return phase == null ? STARTED : phase;
    }

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
