package org.outpost.crawler.run;

import org.springframework.modulith.NamedInterface;

/** How a crawl run ended. */
@NamedInterface("run")
public enum RunStatus {
    RUNNING,
    /** Everything found was fetched and indexed. */
    SUCCEEDED,
    /** Finished, but some pages failed; their reasons are recorded. */
    PARTIAL,
    /** Articles were fetched but the index was unavailable: they wait in the durable queue. */
    DEGRADED,
    /** Nothing could be done, e.g. the feed itself was unreachable or unreadable. */
    FAILED,
    /** The app stopped mid-run; the next run picks up what this one did not finish. */
    INTERRUPTED
}
