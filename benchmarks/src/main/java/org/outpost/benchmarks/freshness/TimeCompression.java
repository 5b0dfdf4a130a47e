package org.outpost.benchmarks.freshness;

import java.time.Duration;

/**
 * The freshness benchmark's clock: {@code factor} real seconds pass in one wall-clock second. A
 * source that publishes every ten minutes publishes every ten seconds of the run at 60, and a
 * 15-minute poll interval becomes 15 s. Only what is caused by waiting for the next poll is scaled
 * back ({@link #toReal}); the app's own work after a fetch takes what it takes and is never scaled.
 */
record TimeCompression(int factor) {

    TimeCompression {
        if (factor < 1) {
            throw new IllegalArgumentException("factor " + factor);
        }
    }

    /** A real duration (an interval, a gap between articles) as it passes in the run. */
    Duration toWall(Duration real) {
        return Duration.ofNanos(real.toNanos() / factor);
    }

    /** A duration measured in the run as the real time it stands for. */
    Duration toReal(Duration wall) {
        return wall.multipliedBy(factor);
    }

    /** How many requests a real day has, from {@code count} counted over {@code wall} of the run. */
    double perRealDay(long count, Duration wall) {
        double realDays = toReal(wall).toMillis() / (double) Duration.ofDays(1).toMillis();
        return count / realDays;
    }
}
