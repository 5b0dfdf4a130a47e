package org.outpost.crawler.source;

import java.time.Instant;
import java.util.regex.Pattern;
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

    /** Whether an article address found by this source should be crawled, by its include and exclude patterns. */
    public boolean accepts(String address) {
        if (includePattern != null
                && !Pattern.compile(includePattern).matcher(address).find()) {
            return false;
        }
        return excludePattern == null
                || !Pattern.compile(excludePattern).matcher(address).find();
    }
}
