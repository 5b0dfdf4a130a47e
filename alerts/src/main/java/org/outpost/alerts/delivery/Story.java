package org.outpost.alerts.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A matched article as a message shows it.
 *
 * @param storyId the original's id: copies of a story share it
 * @param articleId the article that matched (the original or a copy)
 */
@NamedInterface("delivery")
public record Story(
        String storyId,
        String articleId,
        String title,
        @Nullable String url,
        String source,
        @Nullable Instant datedAt) {

    /** A copy tells the story of its original: it is filed under the original's id. */
    public static Story of(org.outpost.core.article.Article a) {
        return new Story(
                a.duplicateOf() != null ? a.duplicateOf() : a.id(),
                a.id(),
                a.title(),
                a.url(),
                a.source(),
                a.datedAt());
    }
}
