package org.outpost.crawler.ingest;

/** What became of one article handed to the pipeline. */
public enum IngestOutcome {
    NEW,
    /** Same address as an indexed article, different content: the article was replaced. */
    UPDATED,
    /** Same address and content as the indexed article: nothing written. */
    UNCHANGED,
    /** Same or nearly the same content as another article: indexed as its copy. */
    DUPLICATE,
    /** The index was unavailable: the article waits in the durable queue. */
    QUEUED,
    /** The index refused this one article (e.g. a field it cannot take); the reason is logged. */
    REJECTED;

    /** Whether the article is safe (indexed, known or queued), so its address need not be fetched again. */
    public boolean isSettled() {
        return this != REJECTED;
    }
}
