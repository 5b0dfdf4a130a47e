package org.outpost.crawler.health;

import java.time.Duration;

/**
 * When a source counts as silent or failing.
 *
 * @param gapMultiplier silent after this many times the source's median gap between articles
 * @param minimumSilence and never before this long, so a source that publishes hourly is not
 *     called silent over a quiet evening
 * @param minimumHistory articles needed before a usual gap is learned; fewer, and the source is
 *     never called silent
 * @param history how far back articles count, and at most how many ({@link #maxArticles})
 * @param failedRuns failed runs in a row that make a source failing
 */
public record HealthSettings(
        double gapMultiplier,
        Duration minimumSilence,
        int minimumHistory,
        Duration history,
        int maxArticles,
        int failedRuns) {}
