package org.outpost.alerts.subscription;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * When a digest is due, in the subscriber's zone: hourly at the minute of {@code time}, daily at
 * {@code time}, weekly at {@code time} on {@code day}. Wall-clock times: across a DST change the
 * daily digest stays at 08:00 local, so its UTC instant moves by an hour; a time that does not
 * exist that day (skipped by the clocks going forward) is sent at the first moment after the gap.
 */
public record DigestSchedule(Frequency frequency, LocalTime time, DayOfWeek day, ZoneId zone) {

    /** The first digest time strictly after {@code after}. */
    public Instant next(Instant after) {
        ZonedDateTime local = after.atZone(zone);
        return switch (frequency) {
            case INSTANT -> throw new IllegalStateException("instant subscriptions have no digest");
            case HOURLY -> {
                ZonedDateTime candidate = local.truncatedTo(ChronoUnit.HOURS).withMinute(time.getMinute());
                while (!candidate.toInstant().isAfter(after)) {
                    candidate = candidate.plusHours(1);
                }
                yield candidate.toInstant();
            }
            case DAILY -> {
                LocalDate date = local.toLocalDate();
                Instant candidate = at(date);
                yield candidate.isAfter(after) ? candidate : at(date.plusDays(1));
            }
            case WEEKLY -> {
                LocalDate date = local.toLocalDate().with(TemporalAdjusters.nextOrSame(day));
                Instant candidate = at(date);
                yield candidate.isAfter(after) ? candidate : at(date.plusWeeks(1));
            }
        };
    }

    private Instant at(LocalDate date) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
