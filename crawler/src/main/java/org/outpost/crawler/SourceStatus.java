package org.outpost.crawler;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.source.Source;

/**
 * A source with how it is doing: its last run, its next, a one-word health, its open alarms
 * (silent, failing; empty when it is well) and, for an adaptive source, the interval it is polled
 * at and why ({@link PollPace#describe}); its WebSub subscription, if it has one.
 */
public record SourceStatus(
        Source source,
        @Nullable CrawlRun lastRun,
        @Nullable Instant nextRun,
        Health health,
        List<SourceAlarm> alarms,
        @Nullable PollPace pace,
        @Nullable WebSubStatus websub) {

    public SourceStatus {
        alarms = List.copyOf(alarms);
    }

    public SourceStatus(
            Source source,
            @Nullable CrawlRun lastRun,
            @Nullable Instant nextRun,
            Health health,
            List<SourceAlarm> alarms) {
        this(source, lastRun, nextRun, health, alarms, null, null);
    }

    /** The open alarm of this kind, if any. */
    public java.util.Optional<SourceAlarm> alarm(org.outpost.core.source.SourceHealthChanged.Problem problem) {
        return alarms.stream().filter(a -> a.problem() == problem).findFirst();
    }

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
