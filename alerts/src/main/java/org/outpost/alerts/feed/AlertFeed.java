package org.outpost.alerts.feed;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An alert's feed as a reader fetches it: the latest matches first.
 *
 * @param lastModified when the feed last changed: its newest match, or the alert's last edit if later
 * @param version changes whenever the feed's content may have (for an ETag)
 */
@NamedInterface("feed")
public record AlertFeed(
        long subscriptionId,
        String name,
        String owner,
        String query,
        Instant lastModified,
        String version,
        List<Entry> entries) {

    /** One matched story. */
    @NamedInterface("feed")
    public record Entry(
            String storyId,
            String articleId,
            String title,
            @Nullable String url,
            String source,
            @Nullable Instant datedAt,
            Instant matchedAt) {}
}
