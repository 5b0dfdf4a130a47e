package org.outpost.dashboard.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TrainingSummary;

/**
 * A stored model without its text: what it was trained on and how it did on the held-out texts,
 * beside the model in use when it was trained ({@code baseline}) and the rules alone.
 *
 * @param trainedBy the admin who asked, or {@link #SCHEDULE}
 * @param baselineVersion the version of the model active at training time, {@link #SHIPPED} for the shipped one
 * @param heldOutTexts the held-out texts the three reports were measured on
 * @param feedbackTexts the feedback texts trained on (the held-back share is among the held-out texts)
 * @param replaces the model it replaced when last switched on (null: the shipped one)
 */
public record ModelRecord(
        String version,
        Instant trainedAt,
        String trainedBy,
        ModelState state,
        TrainingSummary summary,
        QualityReport quality,
        String baselineVersion,
        QualityReport baseline,
        QualityReport rules,
        int heldOutTexts,
        int feedbackTexts,
        @Nullable Instant activatedAt,
        @Nullable String activatedBy,
        @Nullable String replaces) {

    /** How lists and baselines name the model shipped with Outpost. */
    public static final String SHIPPED = "shipped";

    /** Who trains on the schedule. */
    public static final String SCHEDULE = "schedule";
}
