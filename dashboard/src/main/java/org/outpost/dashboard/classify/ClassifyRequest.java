package org.outpost.dashboard.classify;

import org.jspecify.annotations.Nullable;

/** @param language optional: the language the text is declared in ("ru"); the text itself wins where it disagrees */
record ClassifyRequest(
        @Nullable String title,
        @Nullable String text,
        @Nullable String language) {}
