package org.outpost.crawler.schedule;

import java.time.Duration;

/**
 * How adaptive sources learn their pace ({@code outpost.crawler.adaptive.*}).
 *
 * @param initialInterval a source with too little history is polled this often
 * @param minInterval the shortest interval, unless the source sets its own (never under a minute)
 * @param maxInterval the longest interval, unless the source sets its own: how late a source that
 *     fell silent is found publishing again
 * @param gapFraction the interval is this fraction of the usual gap between articles, so a new one
 *     is found within about this fraction of the gap after it appears
 * @param minimumArticles articles needed before a gap is learned
 * @param history how far back articles count
 * @param maxArticles and at most this many of the newest
 * @param silenceFactor silence longer than this many usual gaps slows polling down
 * @param floor no interval is shorter, whatever the bounds: a minute ({@code
 *     outpost.crawler.benchmark-only-min-interval}, lowered only by the freshness benchmark)
 * @param budgetInterval adaptive sources together poll no more often than each would at this
 *     interval; what their own paces leave goes to the busiest ({@link PollBudget}); zero: none
 * @param promptInterval the interval the budget gives the busiest sources
 */
public record PaceSettings(
        Duration initialInterval,
        Duration minInterval,
        Duration maxInterval,
        double gapFraction,
        int minimumArticles,
        Duration history,
        int maxArticles,
        double silenceFactor,
        Duration floor,
        Duration budgetInterval,
        Duration promptInterval) {}
