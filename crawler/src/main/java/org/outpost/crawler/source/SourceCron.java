package org.outpost.crawler.source;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;

/**
 * A source's cron, written in Outpost's one dialect (Spring's six fields, see
 * {@link org.outpost.core.cron.CronDialect}) and run by a Quartz trigger. Quartz wants {@code ?}
 * in one of the two day fields and counts weekdays from Sunday; with weekdays as names, setting
 * the unrestricted day field to {@code ?} is all it takes for both to fire at the same times.
 * An expression already in Quartz's form (one {@code ?}, or the seventh field, year) is left as it
 * is, so schedules saved as Quartz cron, numeric weekdays included, keep their meaning.
 */
final class SourceCron {

    /** Fire times compared when a new expression is checked, from a fixed start in UTC. */
    private static final int COMPARED_FIRINGS = 12;

    private static final Instant COMPARED_FROM = Instant.parse("2026-01-01T00:00:00Z");

    /** Firings looked at for the shortest gap: a week of a once-a-minute cron is 10,080. */
    private static final int GAP_FIRINGS = 11_000;

    private static final Duration GAP_WINDOW = Duration.ofDays(8);

    private SourceCron() {}

    /** The expression Quartz runs for {@code expression}. */
    static String quartz(String expression) {
        String[] f = expression.strip().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length != 6 || f[3].equals("?") || f[5].equals("?")) {
            return String.join(" ", f);
        }
        if (f[5].equals("*")) {
            f[5] = "?";
        } else if (f[3].equals("*")) {
            f[3] = "?";
        }
        return String.join(" ", f);
    }

    /**
     * Whether Quartz, running {@link #quartz}, fires at the times Spring's reading of {@code
     * expression} does; false for what only one of them can express (day-of-month and weekday
     * both set, a step from a weekday name).
     */
    static boolean runsAsWritten(String expression) {
        org.springframework.scheduling.support.CronExpression spring =
                org.springframework.scheduling.support.CronExpression.parse(expression);
        CronExpression quartz;
        try {
            quartz = new CronExpression(quartz(expression));
        } catch (ParseException e) {
            return false;
        }
        quartz.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        ZonedDateTime springAt = COMPARED_FROM.atZone(ZoneOffset.UTC);
        Date quartzAt = Date.from(COMPARED_FROM);
        for (int i = 0; i < COMPARED_FIRINGS; i++) {
            springAt = spring.next(springAt);
            quartzAt = quartz.getNextValidTimeAfter(quartzAt);
            if (!same(springAt, quartzAt)) {
                return false;
            }
            if (springAt == null) {
                return true;
            }
        }
        return true;
    }

    /**
     * The shortest time between two consecutive firings of {@code expression} in {@code zone}, over
     * the firings of a week from {@code from} (at most {@link #GAP_FIRINGS}; a cron that fires that
     * often is too frequent anyway). A cron's gaps are not all alike ({@code 0,1 0 0 * * *} fires
     * twice a second apart, then waits a day), so every gap in the window counts, not the first.
     * An expression that fires at most once in the window answers {@code null}.
     */
    static @Nullable Duration shortestGap(String expression, ZoneId zone, Instant from) {
        CronExpression cron;
        try {
            cron = new CronExpression(quartz(expression));
        } catch (ParseException e) {
            throw new IllegalArgumentException("unchecked cron expression: " + expression, e);
        }
        cron.setTimeZone(TimeZone.getTimeZone(zone));
        Instant until = from.plus(GAP_WINDOW);
        Date previous = cron.getNextValidTimeAfter(Date.from(from));
        Duration shortest = null;
        for (int i = 0;
                previous != null && i < GAP_FIRINGS && previous.toInstant().isBefore(until);
                i++) {
            Date next = cron.getNextValidTimeAfter(previous);
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(previous.toInstant(), next.toInstant());
            if (shortest == null || gap.compareTo(shortest) < 0) {
                shortest = gap;
            }
            previous = next;
        }
        return shortest;
    }

    private static boolean same(@Nullable ZonedDateTime spring, @Nullable Date quartz) {
        return spring == null
                ? quartz == null
                : quartz != null && spring.toInstant().equals(quartz.toInstant());
    }
}
