package org.outpost.crawler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.PollPace;
import org.outpost.crawler.run.RunStatus;
import org.outpost.crawler.source.Schedule;

/**
 * Learns an adaptive source's interval from what the crawler recorded, the same way every time:
 * a fraction of the median gap between its recent articles, slower in proportion to a silence of
 * several of its long gaps (the 90th percentile), doubled for each failed run in a row, then held within the bounds (the source's,
 * else the deployment's), never under robots.txt's Crawl-delay nor under a minute.
 *
 * <p>A median, not a mean: a first crawl brings a burst of articles seconds apart and a holiday one
 * long gap, and neither should set the pace.
 */
final class PaceLearner {

    /** Doublings for failures stop here: past it the longest interval holds anyway. */
    private static final int MAX_DOUBLINGS = 16;

    private PaceLearner() {}

    /**
     * @param articleDates the source's recent article dates, any order
     * @param runsNewestFirst how its latest finished runs ended (interrupted ones left out)
     */
    static PollPace learn(
            List<Instant> articleDates,
            List<RunStatus> runsNewestFirst,
            Schedule.Bounds bounds,
            Duration crawlDelay,
            Instant now,
            PaceSettings settings) {
        List<Instant> dates = new ArrayList<>(articleDates);
        Collections.sort(dates);
        int failed = 0;
        while (failed < runsNewestFirst.size() && runsNewestFirst.get(failed) == RunStatus.FAILED) {
            failed++;
        }
        PollPace.Why why = PollPace.Why.NEW;
        Duration interval = settings.initialInterval();
        Duration usualGap = null;
        Duration silentFor = null;
        if (dates.size() >= Math.max(2, settings.minimumArticles())) {
            usualGap = median(dates);
            interval = scale(usualGap, settings.gapFraction());
            why = PollPace.Why.PUBLISHES;
            Duration since = Duration.between(dates.getLast(), now);
            // silent only past its long gaps, not its median: a source publishing at random goes
            // twice its median without an article a quarter of the time, and slowing it then
            // makes it late exactly when its next article is due (docs/benchmarks.md, Freshness)
            if (since.compareTo(scale(longGap(dates), settings.silenceFactor())) > 0) {
                silentFor = since;
                Duration slower = scale(since, settings.gapFraction());
                if (slower.compareTo(interval) > 0) {
                    interval = slower;
                    why = PollPace.Why.SILENT;
                }
            }
        }
        if (failed > 0) {
            interval = interval.multipliedBy(1L << Math.min(failed, MAX_DOUBLINGS));
            why = PollPace.Why.FAILING;
        }
        return clamp(new PollPace(interval, why, usualGap, silentFor, failed, null, now), bounds, crawlDelay, settings);
    }

    /** The pace held within the bounds as they are now (the source's may have been edited since). */
    static PollPace clamp(PollPace pace, Schedule.Bounds bounds, Duration crawlDelay, PaceSettings settings) {
        Duration shortest =
                longer(bounds.shortest() == null ? settings.minInterval() : bounds.shortest(), settings.floor());
        Duration longest = longer(bounds.longest() == null ? settings.maxInterval() : bounds.longest(), shortest);
        Duration interval = Duration.ofSeconds(pace.interval().toSeconds());
        PollPace.Bound bound = null;
        if (interval.compareTo(longest) > 0) {
            interval = longest;
            bound = PollPace.Bound.LONGEST;
        }
        // politeness wins over the longest bound: a site asking for an hour between visits gets it
        Duration floor = longer(shortest, crawlDelay);
        if (interval.compareTo(floor) < 0) {
            interval = floor;
            bound = crawlDelay.compareTo(shortest) > 0 ? PollPace.Bound.CRAWL_DELAY : PollPace.Bound.SHORTEST;
        }
        return new PollPace(
                interval, pace.why(), pace.usualGap(), pace.silentFor(), pace.failedRuns(), bound, pace.learnedAt());
    }

    private static Duration median(List<Instant> sorted) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds());
        }
        Collections.sort(gaps);
        int n = gaps.size();
        return Duration.ofSeconds(n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2);
    }

    /** The gap nine in ten of the recent gaps are at most (nearest rank): how long the source usually goes quiet at most. */
    static Duration longGap(List<Instant> sorted) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds());
        }
        Collections.sort(gaps);
        int rank = (int) Math.ceil(0.9 * gaps.size());
        return Duration.ofSeconds(gaps.get(Math.max(0, rank - 1)));
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofSeconds(Math.round(duration.toSeconds() * factor));
    }

    private static Duration longer(@Nullable Duration a, Duration b) {
        return a == null || a.compareTo(b) < 0 ? b : a;
    }
}
