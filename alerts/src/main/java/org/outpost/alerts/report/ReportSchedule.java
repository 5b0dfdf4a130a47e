package org.outpost.alerts.report;

import java.time.DateTimeException;
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
