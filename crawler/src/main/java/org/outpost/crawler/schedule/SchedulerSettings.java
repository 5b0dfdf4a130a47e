package org.outpost.crawler.schedule;

import java.time.Duration;

/**
 * @param autoStart whether scheduled crawls run (off for tools and some tests; "run now" then waits)
 * @param threads crawls running at once in this instance
 * @param startupDelay a pause before the first scheduled run, so the app is up first
 * @param clusterCheckin how often instances check in; a silent one's jobs are recovered after this
 */
public record SchedulerSettings(boolean autoStart, int threads, Duration startupDelay, Duration clusterCheckin) {}
