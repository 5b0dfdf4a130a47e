package org.outpost.dashboard.model.ui;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One model in the history, the shipped one included.
 *
 * @param state a {@code ModelState} name, or {@code SHIPPED}
 * @param heldOutF1 micro-F1 on the held-out texts when it was trained here; null for the shipped one
 */
record HistoryRow(
        String version,
        Instant trainedAt,
        String trainedBy,
        String state,
        int texts,
        int feedback,
        double blend,
        @Nullable Double heldOutF1) {}
