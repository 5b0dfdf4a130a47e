package org.outpost.crawler.source;

import java.text.ParseException;
import java.time.Instant;
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

    private static boolean same(@Nullable ZonedDateTime spring, @Nullable Date quartz) {
        return spring == null
                ? quartz == null
                : quartz != null && spring.toInstant().equals(quartz.toInstant());
    }
}
