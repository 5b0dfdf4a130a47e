package org.outpost.dashboard.model;

import java.util.Locale;

/** Where a stored model is in its life. */
public enum ModelState {
    /** Trained, not switched on. */
    CANDIDATE,
    /** In use (at most one; none: the shipped model is). */
    ACTIVE,
    /** Was in use, or a candidate a newer one superseded. */
    RETIRED,
    /** A scheduled run found it worse than the model in use. */
    REJECTED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ModelState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
