package org.outpost.benchmarks.workload;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One article of the generated workload.
 *
 * @param index its position in the corpus (the same seed and index always give the same article)
 * @param topic the topic its text was written for, or null for off-topic filler
 * @param copyOf the index of the article it copies (exactly or nearly), or -1
 * @param nearCopy whether the copy has a changed sentence rather than being exact
 */
public record GeneratedArticle(
        int index,
        String source,
        String title,
        String body,
        Instant publishedAt,
        @Nullable String topic,
        int copyOf,
        boolean nearCopy) {

    public String path() {
        return "/news/" + source.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "/" + index
                + ".html";
    }
}
