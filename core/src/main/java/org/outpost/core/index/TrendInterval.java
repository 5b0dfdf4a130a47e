package org.outpost.core.index;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.Duration;
import java.util.Locale;

/** The width of a trend bucket. */
public enum TrendInterval {
    HOUR(CalendarInterval.Hour, Duration.ofHours(1)),
    DAY(CalendarInterval.Day, Duration.ofDays(1)),
    WEEK(CalendarInterval.Week, Duration.ofDays(7));

    final CalendarInterval calendar;
    final Duration approximate;

    TrendInterval(CalendarInterval calendar, Duration approximate) {
        this.calendar = calendar;
        this.approximate = approximate;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static TrendInterval of(String value) {
        for (TrendInterval interval : values()) {
            if (interval.key().equalsIgnoreCase(value.strip())) {
                return interval;
            }
        }
        throw new IllegalArgumentException("'interval' must be hour, day or week, was '" + value + "'");
    }
}
