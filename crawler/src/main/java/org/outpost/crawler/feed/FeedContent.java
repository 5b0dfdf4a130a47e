package org.outpost.crawler.feed;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a feed holds: its entries, and what it says about itself for WebSub.
 *
 * @param hubs the hubs it advertises ({@code rel="hub"}), absolute, in document order
 * @param self its own canonical address ({@code rel="self"}), the topic a hub knows it by
 */
public record FeedContent(
        List<FeedEntry> entries, List<URI> hubs, @Nullable URI self) {

    public FeedContent {
        entries = List.copyOf(entries);
        hubs = List.copyOf(hubs);
    }
}
