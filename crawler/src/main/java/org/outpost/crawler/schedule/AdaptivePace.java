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
        java.time.Duration crawlDelay = crawler.crawlDelay(source);
        PollPace pace = PaceLearner.learn(
                activity.articleDates(sourceId, now.minus(settings.history()), now, settings.maxArticles()),
                activity.endedRuns(sourceId, RUNS_LOOKED_AT).stream()
                        .map(SourceActivity.Ended::status)
                        .toList(),
                source.schedule().bounds(),
                crawlDelay,
                now,
                settings);
        if (pace.why() == PollPace.Why.PUBLISHES
                && pace.bound() != PollPace.Bound.CRAWL_DELAY
                && budgeted(sourceId, pace)) {
            pace = PaceLearner.clamp(
                    new PollPace(settings.promptInterval(), PollPace.Why.BUSY, pace.usualGap(), null, 0, null, now),
                    source.schedule().bounds(),
                    crawlDelay,
                    settings);
        }
        paces.save(sourceId, pace);
        scheduler.schedule(source);
        return Optional.of(pace);
    }

    /** Whether the poll budget gives this source the prompt interval, next to every enabled adaptive source. */
    private boolean budgeted(long sourceId, PollPace own) {
        if (settings.budgetInterval().isZero()) {
            return false;
        }
        java.util.Set<Long> adaptive = new java.util.HashSet<>();
        sources.findAll().stream()
                .filter(s -> s.enabled() && s.schedule().isAdaptive())
                .forEach(s -> adaptive.add(s.id()));
        java.util.List<PollBudget.Learned> learned = new java.util.ArrayList<>();
        java.util.Map<Long, PollPace> stored = paces.all();
        for (long id : adaptive) {
            if (id == sourceId) {
                learned.add(new PollBudget.Learned(id, own.interval(), own.why(), own.usualGap()));
            } else {
                PollPace p = stored.get(id);
                learned.add(
                        p == null
                                ? new PollBudget.Learned(id, settings.initialInterval(), PollPace.Why.NEW, null)
                                : ownPace(id, p));
            }
        }
        return PollBudget.prompt(sourceId, learned, settings.budgetInterval(), settings.promptInterval());
    }

    /** A stored pace as the source's own: a busy one's is the fraction of its gap it had before the budget. */
    private PollBudget.Learned ownPace(long id, PollPace stored) {
        if (stored.why() != PollPace.Why.BUSY || stored.usualGap() == null) {
            return new PollBudget.Learned(id, stored.interval(), stored.why(), stored.usualGap());
        }
        java.time.Duration own =
                java.time.Duration.ofSeconds(Math.round(stored.usualGap().toSeconds() * settings.gapFraction()));
        if (own.compareTo(settings.minInterval()) < 0) {
            own = settings.minInterval();
        }
        return new PollBudget.Learned(id, own, PollPace.Why.PUBLISHES, stored.usualGap());
    }
}
