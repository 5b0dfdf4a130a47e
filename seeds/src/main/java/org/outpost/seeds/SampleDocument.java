package org.outpost.seeds;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One document of the sample corpus: a scraped page (page noise included) or a brief written for the corpus.
 *
 * @param source the publication's name, used where the page names none of its own
 * @param url the original address, where it was recorded
 * @param language the language the document is written in ("en", "ru")
 * @param basedOn for a brief written for the corpus, the public reports it was written from; empty for a scraped
 *     page
 */
public record SampleDocument(
        String file, String source, @Nullable String url, String language, List<String> basedOn, String text) {

    public SampleDocument {
        basedOn = List.copyOf(basedOn);
    }
}
