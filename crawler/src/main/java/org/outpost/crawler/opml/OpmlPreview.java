package org.outpost.crawler.opml;

import java.util.List;

/** What an OPML file holds, entry by entry, before (or after) it is imported. */
public record OpmlPreview(List<OpmlEntry> entries) {

    public OpmlPreview {
        entries = List.copyOf(entries);
    }

    public long count(OpmlEntry.Status status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }
}
