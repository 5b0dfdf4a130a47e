package org.outpost.crawler.crawl;

import org.outpost.crawler.ingest.IngestOutcome;

/** Counts an ingest outcome in the run's counters. */
final class RunOutcomes {

    private RunOutcomes() {}

    static void count(RunContext run, IngestOutcome outcome) {
        switch (outcome) {
            case NEW -> run.counters.newArticle();
            case UPDATED -> run.counters.updated();
            case UNCHANGED -> run.counters.unchanged();
            case DUPLICATE -> run.counters.duplicate();
            case QUEUED -> run.counters.queued();
            case REJECTED -> {} // recorded as an error by the caller
        }
    }
}
