package org.outpost.crawler.source;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A source as stored.
 *
 * @param url an http(s) address, or a folder path for {@link SourceType#FOLDER}
 * @param allowPrivate set by an admin for intranet sources: private and loopback addresses allowed
 * @param owner the user who added it; null for the sources Outpost ships
 */
@NamedInterface("source")
public record Source(
        long id,
        String name,
        SourceType type,
        String url,
        Schedule schedule,
        boolean enabled,
        @Nullable String language,
        @Nullable String includePattern,
        @Nullable String excludePattern,
        boolean allowPrivate,
        @Nullable String owner,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Whether an article address found by this source should be crawled, by its include and
     * exclude patterns (matched in linear time, see {@link SourcePatterns}). A stored exclude
     * pattern that no longer compiles excludes everything, so such a source crawls nothing until
     * it is edited.
     */
    public boolean accepts(String address) {
        if (includePattern != null && !SourcePatterns.finds(includePattern, address)) {
            return false;
        }
        return excludePattern == null
                || (SourcePatterns.compiles(excludePattern) && !SourcePatterns.finds(excludePattern, address));
    }
}
