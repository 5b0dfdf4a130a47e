package org.outpost.crawler.crawl;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A source's feed was read and says where its WebSub hubs are (HTTP {@code Link} headers first,
 * then the feed's own links), published on every feed read that returned a body, with empty
 * hubs when it advertises none: the WebSub subscriber keeps its subscription in step.
 *
 * @param self the feed's self address, the topic hubs know it by; null when it gives none
 */
public record HubAdvertised(
        long sourceId, URI feed, List<URI> hubs, @Nullable URI self) {

    public HubAdvertised {
        hubs = List.copyOf(hubs);
    }
}
