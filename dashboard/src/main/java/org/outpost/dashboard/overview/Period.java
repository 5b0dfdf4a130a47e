package org.outpost.dashboard.overview;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.TrendInterval;

/**
 * The time range a dashboard shows: one of the presets (24 h, 7 d, 30 d, 90 d, ending now) or
 * custom days in the user's time zone. {@link #previous()} is the range of the same length just
 * before, for "change against the previous period".
 */
public record Period(String key, Instant from, Instant to, TrendInterval interval) {

    public static final String DEFAULT = "7d";

    public static Period of(
            String key, @Nullable LocalDate fromDay, @Nullable LocalDate toDay, ZoneId zone, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return switch (key) {
            case "24h" -> new Period(key, end.minus(Duration.ofHours(24)), end, TrendInterval.HOUR);
            case "7d" -> new Period(key, end.minus(Duration.ofDays(7)), end, TrendInterval.HOUR);
            case "30d" -> new Period(key, end.minus(Duration.ofDays(30)), end, TrendInterval.DAY);
            case "90d" -> new Period(key, end.minus(Duration.ofDays(90)), end, TrendInterval.DAY);
            case "custom" -> custom(fromDay, toDay, zone);
            default -> throw new IllegalArgumentException("unknown range '" + key + "': 24h, 7d, 30d, 90d or custom");
        };
    }

    private static Period custom(@Nullable LocalDate fromDay, @Nullable LocalDate toDay, ZoneId zone) {
        if (fromDay == null || toDay == null) {
            throw new IllegalArgumentException("a custom range needs both days");
        }
        if (toDay.isBefore(fromDay)) {
            throw new IllegalArgumentException("the range ends (" + toDay + ") before it starts (" + fromDay + ")");
        }
        Instant from = fromDay.atStartOfDay(zone).toInstant();
        Instant to = toDay.plusDays(1).atStartOfDay(zone).toInstant();
        Duration length = Duration.between(from, to);
        TrendInterval interval = length.compareTo(Duration.ofDays(3)) <= 0
                ? TrendInterval.HOUR
                : length.compareTo(Duration.ofDays(180)) <= 0 ? TrendInterval.DAY : TrendInterval.WEEK;
        return new Period("custom", from, to, interval);
    }

    public Period previous() {
        Duration length = Duration.between(from, to);
        return new Period(key, from.minus(length), from, interval);
    }
}
