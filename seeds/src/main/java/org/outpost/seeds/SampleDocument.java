package org.outpost.seeds;

import org.jspecify.annotations.Nullable;

/**
 * One page of the sample corpus, as scraped: page noise included.
 *
 * @param source the publication's name, used where the page names none of its own
 * @param url the original address, where it was recorded
 */
public record SampleDocument(
        String file, String source, @Nullable String url, String language, String text) {}
