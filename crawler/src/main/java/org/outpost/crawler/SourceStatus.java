package org.outpost.crawler;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.source.Source;

/** A source with how it is doing: its last run, its next, and a one-word health. */
public record SourceStatus(
        Source source, @Nullable CrawlRun lastRun, @Nullable Instant nextRun, Health health) {

    public enum Health {
        /** Never crawled yet. */
        NEW,
        RUNNING,
        OK,
        /** The last run finished with errors, queued articles, or was interrupted. */
        WARNING,
        /** The last run could not read the source at all. */
        FAILING,
        DISABLED
    }

    static Health healthOf(Source source, @Nullable CrawlRun last) {
        if (last != null && last.status() == RunStatus.RUNNING) {
            return Health.RUNNING;
        }
        if (!source.enabled()) {
            return Health.DISABLED;
        }
        if (last == null) {
            return Health.NEW;
        }
        return switch (last.status()) {
            case SUCCEEDED -> Health.OK;
            case FAILED -> Health.FAILING;
            default -> Health.WARNING;
        };
    }
}
