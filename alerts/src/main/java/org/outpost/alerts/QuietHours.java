package org.outpost.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A daily window in which a user's alerts are held, not sent: from {@code start} to {@code end}
 * on the wall clock of {@code zone} (a window that ends before it starts runs past midnight, as
 * 22:00–07:00 does). A window whose start and end are the same is empty (only the weekends, if
 * set, are quiet).
 *
 * <p>Wall-clock times, as the user set them: across a DST change 22:00–07:00 is still 22:00–07:00
 * local, so the night is an hour shorter or longer in UTC. A start or end the clocks skip (02:30
 * on the night they go forward) is the first moment after the gap, when the wall clock is past
 * it; an end the clocks pass twice (01:30 on the night they go back) is the second time, so the
 * window is never over and then quiet again within one night.
 *
 * @param weekends whether Saturday and Sunday are quiet all day as well
 */
public record QuietHours(LocalTime start, LocalTime end, boolean weekends, ZoneId zone) {

    /** Windows chained back to back (Friday night, the weekend, Monday morning) are followed at most this far. */
    private static final int MAX_CHAINED = 16;

    /** Whether {@code now} falls in a quiet time. */
    public boolean contains(Instant now) {
        return releaseAt(now).isPresent();
    }

    /**
     * When the quiet time that {@code now} falls in is over: the end of tonight's window, or of
     * the weekend and the night after it when they run into each other. Empty when {@code now}
     * is not quiet.
     */
    public Optional<Instant> releaseAt(Instant now) {
        @Nullable Instant end = null;
        Instant at = now;
        for (int i = 0; i < MAX_CHAINED; i++) {
            @Nullable Instant next = endOfIntervalContaining(at);
            if (next == null) {
                break;
            }
            end = next;
            at = next;
        }
        return Optional.ofNullable(end);
    }

    private @Nullable Instant endOfIntervalContaining(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        @Nullable Instant latest = null;
        // a window that began yesterday evening may still run; one of tomorrow cannot have begun
        for (Interval interval : intervals(today.minusDays(1), today)) {
            if (!at.isBefore(interval.from()) && at.isBefore(interval.to())) {
                latest = latest == null || interval.to().isAfter(latest) ? interval.to() : latest;
            }
        }
        return latest;
    }

    private List<Interval> intervals(LocalDate first, LocalDate last) {
        List<Interval> out = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (!start.equals(end)) {
                LocalDate endDay = end.isAfter(start) ? day : day.plusDays(1);
                out.add(new Interval(instant(day, start, false), instant(endDay, end, true)));
            }
            if (weekends && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)) {
                out.add(new Interval(
                        instant(day, LocalTime.MIDNIGHT, false), instant(day.plusDays(1), LocalTime.MIDNIGHT, false)));
            }
        }
        return out;
    }

    /**
     * The instant of a wall-clock time: after a gap when the clocks skip it, and for a time they
     * pass twice the earlier one, or the later one when {@code later}.
     */
    private Instant instant(LocalDate day, LocalTime time, boolean later) {
        LocalDateTime local = LocalDateTime.of(day, time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        ZonedDateTime zoned = ZonedDateTime.of(local, zone);
        return (later ? zoned.withLaterOffsetAtOverlap() : zoned.withEarlierOffsetAtOverlap()).toInstant();
    }

    private record Interval(Instant from, Instant to) {}
}
