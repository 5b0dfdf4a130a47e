package org.outpost.alerts.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.outpost.core.index.TrendInterval;
import org.springframework.modulith.NamedInterface;

/**
 * How much time one report covers: the day, week or month up to its run, counted in the
 * report's time zone (so a day across a DST change is 23 or 25 hours long).
 */
@NamedInterface("report")
public enum ReportPeriod {
    DAY("0 0 7 * * *", TrendInterval.HOUR, 7),
    WEEK("0 0 7 * * MON", TrendInterval.DAY, 4),
    MONTH("0 0 7 1 * *", TrendInterval.DAY, 2);

    private final String defaultSchedule;
    private final TrendInterval buckets;
    private final int baselinePeriods;

    ReportPeriod(String defaultSchedule, TrendInterval buckets, int baselinePeriods) {
        this.defaultSchedule = defaultSchedule;
        this.buckets = buckets;
        this.baselinePeriods = baselinePeriods;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Daily at 07:00, Mondays at 07:00, the 1st of the month at 07:00. */
    public String defaultSchedule() {
        return defaultSchedule;
    }

    /** Hourly buckets for a day, daily for a week or month: enough points for a chart and spike detection. */
    TrendInterval buckets() {
        return buckets;
    }

    /** The start of the period that ends at {@code end}. */
    Instant startOf(Instant end, ZoneId zone) {
        return minus(end, zone, 1);
    }

    /**
     * Where the spike baseline starts: several periods back, so the detector has warmed up
     * before the buckets of the reported period.
     */
    Instant baselineStart(Instant end, ZoneId zone) {
        return minus(end, zone, 1 + baselinePeriods);
    }

    Instant minus(Instant end, ZoneId zone, int periods) {
        ZonedDateTime at = end.atZone(zone);
        ZonedDateTime start = switch (this) {
            case DAY -> at.minusDays(periods);
            case WEEK -> at.minusWeeks(periods);
            case MONTH -> at.minusMonths(periods);
        };
        return start.toInstant();
    }

    public static ReportPeriod of(String value) {
        for (ReportPeriod period : values()) {
            if (period.key().equalsIgnoreCase(value.strip())) {
                return period;
            }
        }
        throw new InvalidReportException("period", "period", value);
    }
}
