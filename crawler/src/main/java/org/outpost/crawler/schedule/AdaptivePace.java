package org.outpost.crawler.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.outpost.crawler.PollPace;
import org.outpost.crawler.crawl.SourceCrawler;
import org.outpost.crawler.health.SourceActivity;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceRepository;
import org.springframework.stereotype.Component;

/**
 * After each run of an adaptive source, learns its pace again ({@link PaceLearner}) from what the
 * crawler recorded, stores it, and moves the source's trigger to it. Everything it learns from is
 * in the database, so any instance of a cluster learns the same pace, and a restart keeps it.
 */
@Component
class AdaptivePace {

    /** Runs looked at for a failure streak; the back-off reaches the longest interval well before. */
    private static final int RUNS_LOOKED_AT = 20;

    private final SourceRepository sources;
    private final PaceRepository paces;
    private final SourceActivity activity;
    private final SourceCrawler crawler;
    private final CrawlScheduler scheduler;
    private final PaceSettings settings;
    private final Clock clock;

    AdaptivePace(
            SourceRepository sources,
            PaceRepository paces,
            SourceActivity activity,
            SourceCrawler crawler,
            CrawlScheduler scheduler,
            PaceSettings settings,
            Optional<Clock> clock) {
        this.sources = sources;
        this.paces = paces;
        this.activity = activity;
        this.crawler = crawler;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** @return the pace learned, empty when the source is gone or not adaptive */
    Optional<PollPace> afterRun(long sourceId) {
        return afterRun(sourceId, clock.instant());
    }

    Optional<PollPace> afterRun(long sourceId, Instant now) {
        Optional<Source> found = sources.find(sourceId).filter(s -> s.schedule().isAdaptive());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Source source = found.get();
        PollPace pace = PaceLearner.learn(
                activity.articleDates(sourceId, now.minus(settings.history()), now, settings.maxArticles()),
                activity.endedRuns(sourceId, RUNS_LOOKED_AT).stream()
                        .map(SourceActivity.Ended::status)
                        .toList(),
                source.schedule().bounds(),
                crawler.crawlDelay(source),
                now,
                settings);
        paces.save(sourceId, pace);
        scheduler.schedule(source);
        return Optional.of(pace);
    }
}
