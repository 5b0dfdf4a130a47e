package org.outpost.alerts.subscription;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * How readily a subscription's spike alerts fire: the user picks one of three presets, never a
 * z-score. Each compares a recent window with a baseline of windows of the same length, and
 * calls it a spike only when all three hold: at least {@link #minCount()} articles, at least
 * {@link #minRatio()} times the baseline (a baseline under one article counts as one, so a
 * handful of articles on a quiet subject is no spike from nothing), and more than
 * {@link #threshold()} standard deviations above it.
 *
 * @param window the recent period compared, ending at the check
 * @param baselineWindows how many windows before it form the baseline
 * @param baselineStep how far apart the baseline windows start: one window (the windows just
 *     before) or a day (the same hours of the previous days, so a daily rhythm is no spike)
 * @param minCount fewest articles in the window
 * @param minRatio fewest times the baseline
 * @param threshold standard deviations above the baseline (the baseline's own spread, at least
 *     the square root of the baseline as for counts of rare events, and at least one article)
 */
@NamedInterface("subscription")
public enum SpikeSensitivity {
    /** The last 24 hours against each of the 14 days before: a surge that lasts a day. */
    FEWER(Duration.ofDays(1), 14, Duration.ofDays(1), 10, 3.0, 4.0),
    /** The last hour against the same hour of each of the 7 days before. */
    BALANCED(Duration.ofHours(1), 7, Duration.ofDays(1), 5, 3.0, 3.0),
    /** The last hour against each of the 24 hours before. */
    MORE(Duration.ofHours(1), 24, Duration.ofHours(1), 3, 2.0, 2.0);

    private final Duration window;
    private final int baselineWindows;
    private final Duration baselineStep;
    private final long minCount;
    private final double minRatio;
    private final double threshold;

    SpikeSensitivity(
            Duration window,
            int baselineWindows,
            Duration baselineStep,
            long minCount,
            double minRatio,
            double threshold) {
        this.window = window;
        this.baselineWindows = baselineWindows;
        this.baselineStep = baselineStep;
        this.minCount = minCount;
        this.minRatio = minRatio;
        this.threshold = threshold;
    }

    public Duration window() {
        return window;
    }

    public int baselineWindows() {
        return baselineWindows;
    }

    public Duration baselineStep() {
        return baselineStep;
    }

    public long minCount() {
        return minCount;
    }

    public double minRatio() {
        return minRatio;
    }

    public double threshold() {
        return threshold;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The preset named {@code value} ("fewer", "balanced", "more"); null or blank is {@link #BALANCED}. */
    public static SpikeSensitivity of(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return BALANCED;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("spikeSensitivity", "spikeSensitivity", value);
        }
    }
}
