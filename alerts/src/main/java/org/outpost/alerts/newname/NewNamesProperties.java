package org.outpost.alerts.newname;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-seen alert settings ({@code outpost.alerts.new-names.*}).
 *
 * @param interval how often subscriptions with a first-seen alert are checked
 * @param window how long a new name has to gather its sources: an entity whose first article is older
 *     than this is no longer new (it was named before the window)
 * @param firstArticles how many of its first articles a message lists
 */
@ConfigurationProperties("outpost.alerts.new-names")
record NewNamesProperties(
        @Nullable Duration interval,
        @Nullable Duration window,
        @Nullable Integer firstArticles) {

    NewNamesProperties {
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        window = window == null ? Duration.ofDays(7) : window;
        firstArticles = firstArticles == null ? 5 : Math.clamp(firstArticles, 1, 20);
    }
}
