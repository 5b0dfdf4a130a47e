package org.outpost.alerts.report;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.outpost.core.cron.CronDialect;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a report runs: a cron expression in Outpost's one dialect, Spring's (see {@link
 * CronDialect}), read in the report's time zone, so "07:00" stays 07:00 local time across
 * daylight-saving changes.
 */
record ReportSchedule(String expression, ZoneId zone) {

    /** A schedule given now: weekdays must be names. */
    static ReportSchedule parse(String expression, String zone) {
        ReportSchedule schedule = stored(expression, zone);
        if (CronDialect.writesWeekdayAsNumber(schedule.expression())) {
            throw new InvalidReportException("schedule", "scheduleWeekdayNumber", schedule.expression());
        }
        return schedule;
    }

    /** A schedule as saved: one saved with a numeric weekday keeps it (Spring's, 1 = Monday). */
    static ReportSchedule stored(String expression, String zone) {
        ZoneId id;
        try {
            id = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidReportException("timezone", "timezone", zone);
        }
        String cron = expression.strip();
        try {
            CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new InvalidReportException("schedule", "schedule", cron, String.valueOf(e.getMessage()));
        }
        return new ReportSchedule(cron, id);
    }

    /** Firings looked at for the shortest gap: a year of daily runs, or the first hours of a schedule by the minute. */
    static final int GAP_SAMPLE = 400;

    /**
     * The shortest time between two of the next {@link #GAP_SAMPLE} firings after {@code from}, or null when it fires
     * less than twice. Sampling finds a dense schedule at once ({@code * * * * * *}) and two firings close together
     * once a day ({@code 0 0,1 6 * * *}) within the first day.
     */
    @Nullable
    Duration shortestGap(Instant from) {
        Duration shortest = null;
        Instant previous = nextAfter(from);
        for (int i = 0; previous != null && i < GAP_SAMPLE; i++) {
            Instant next = nextAfter(previous);
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(previous, next);
            if (shortest == null || gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
            previous = next;
        }
        return shortest;
    }

    /**
     * The first run strictly after {@code after}, or null if the expression never fires again.
     * The expression is read on the local wall clock: a time that does not exist on the night
     * clocks go forward (02:30 in Berlin on the last Sunday of March) runs when the clock has
     * jumped (03:30), where Spring's own zoned evaluation would skip that day's report; a time
     * that occurs twice when clocks go back runs once, at the first.
     */
    @Nullable
    Instant nextAfter(Instant after) {
        CronExpression cron = CronExpression.parse(expression);
        LocalDateTime local = cron.next(LocalDateTime.ofInstant(after, zone));
        while (local != null) {
            Instant at = ZonedDateTime.ofLocal(local, zone, null).toInstant();
            if (at.isAfter(after)) {
                return at;
            }
            local = cron.next(local); // the second pass through an hour that repeats: already run
        }
        return null;
    }
}
