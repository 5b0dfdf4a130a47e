package org.outpost.crawler.source;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.outpost.core.cron.CronDialect;
import org.quartz.CronExpression;
import org.springframework.modulith.NamedInterface;

/**
 * When a source is crawled: {@code adaptive} (a rate learned from how often it publishes, see
 * {@link #isAdaptive()}), an ISO-8601 interval ({@code PT15M}) or a cron expression in
 * Outpost's one dialect, Spring's ({@code 0 0 6 * * *}, {@code 0 0 7 * * MON-FRI}; see {@link
 * CronDialect}), read in the source's time zone and run by Quartz ({@link #quartzExpression()}).
 * Schedules saved before, as Quartz cron, are read with {@link #stored} and keep their meaning.
 */
@NamedInterface("source")
public record Schedule(
        String expression, ZoneId zone, @Nullable Duration interval) {

    /** Politeness floor: no source is polled more often than this. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    /** The word that asks for an adaptive schedule, alone or with its bounds: {@code adaptive PT5M PT6H}. */
    public static final String ADAPTIVE = "adaptive";

    /**
     * The bounds an adaptive schedule's learned interval is held within; {@code null} takes the
     * deployment's ({@code outpost.crawler.adaptive.*}).
     */
    public record Bounds(
            @Nullable Duration shortest, @Nullable Duration longest) {}

    /** A schedule given now (a form, the API, a file): a cron must be in Outpost's dialect. */
    public static Schedule parse(String expression, String zone) {
        return parse(expression, zone, MIN_INTERVAL);
    }

    /**
     * A schedule given now, checked against a politeness floor: {@link #MIN_INTERVAL} in every
     * deployment, lower only in the freshness benchmark ({@code outpost.crawler.benchmark-only-min-interval}).
     */
    public static Schedule parse(String expression, String zone, Duration floor) {
        return parse(expression, zone, true, floor);
    }

    /**
     * A schedule as saved, maybe before there was one dialect: a Quartz cron with a numeric weekday
     * (1 = Sunday) or a year is read as Quartz reads it.
     */
    public static Schedule stored(String expression, String zone) {
        // checked against the floor in force when it was given; the scheduler holds it to today's floor
        return parse(expression, zone, false, Duration.ZERO);
    }

    private static Schedule parse(String expression, String zone, boolean given, Duration floor) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidSourceException("timezone", "source.timezone.unknown", zone);
        }
        String value = expression.strip();
        if (value.toLowerCase(java.util.Locale.ROOT).startsWith(ADAPTIVE)) {
            return new Schedule(adaptive(value, floor).canonical, zoneId, null);
        }
        if (value.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
            Duration interval;
            try {
                interval = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidSourceException("schedule", "source.schedule.duration", value);
            }
            if (interval.compareTo(floor) < 0) {
                throw new InvalidSourceException("schedule", "source.schedule.tooOften", value);
            }
            return new Schedule(value, zoneId, interval);
        }
        if (given) {
            checkDialect(value);
        }
        try {
            CronExpression.validateExpression(SourceCron.quartz(value));
        } catch (ParseException e) {
            // Quartz's own detail (which character, which field) stays in English: it has no other
            throw new InvalidSourceException(
                    "schedule", "source.schedule.neither", value, String.valueOf(e.getMessage()));
        }
        checkRanges(value);
        if (given) {
            checkNotTooOften(value, zoneId, floor);
        }
        return new Schedule(value, zoneId, null);
    }

    private record Adaptive(String canonical, Bounds bounds) {}

    /** {@code adaptive}, or {@code adaptive SHORTEST LONGEST} with two ISO-8601 durations. */
    private static Adaptive adaptive(String value, Duration floor) {
        String[] words = value.split("\\s+");
        if (!words[0].equalsIgnoreCase(ADAPTIVE) || (words.length != 1 && words.length != 3)) {
            throw new InvalidSourceException("schedule", "source.schedule.adaptive", value);
        }
        if (words.length == 1) {
            return new Adaptive(ADAPTIVE, new Bounds(null, null));
        }
        Duration shortest = bound(words[1], value);
        Duration longest = bound(words[2], value);
        if (shortest.compareTo(floor) < 0) {
            throw new InvalidSourceException("schedule", "source.schedule.tooOften", value);
        }
        if (longest.compareTo(shortest) < 0) {
            throw new InvalidSourceException(
                    "schedule", "source.schedule.adaptiveBounds", value, shortest.toString(), longest.toString());
        }
        return new Adaptive(ADAPTIVE + " " + shortest + " " + longest, new Bounds(shortest, longest));
    }

    private static Duration bound(String word, String value) {
        try {
            return Duration.parse(word);
        } catch (DateTimeParseException e) {
            throw new InvalidSourceException("schedule", "source.schedule.adaptive", value);
        }
    }

    /**
     * Whether the source is polled at a rate learned from how often it publishes (the crawler's
     * schedule package learns it after each run), within {@link #bounds()}.
     */
    public boolean isAdaptive() {
        return interval == null && expression.toLowerCase(java.util.Locale.ROOT).startsWith(ADAPTIVE);
    }

    /** An adaptive schedule's own bounds (each {@code null} when it has none); both null otherwise. */
    public Bounds bounds() {
        // stored bounds were checked when given; a lower floor then (the benchmark's) is not undone here
        return isAdaptive() ? adaptive(expression, Duration.ZERO).bounds : new Bounds(null, null);
    }

    private static void checkDialect(String cron) {
        if (CronDialect.writesWeekdayAsNumber(cron)) {
            throw new InvalidSourceException("schedule", "source.schedule.weekdayNumber", cron);
        }
        checkRanges(cron);
        try {
            org.springframework.scheduling.support.CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            // Spring's own detail stays in English: it has no other
            throw new InvalidSourceException(
                    "schedule", "source.schedule.neither", cron, String.valueOf(e.getMessage()));
        }
        if (!SourceCron.runsAsWritten(cron)) {
            throw new InvalidSourceException("schedule", "source.schedule.dialect", cron);
        }
    }

    /**
     * The politeness floor holds for crons too: {@code * * * * * ?} would poll every second. Only
     * new input is checked; a schedule saved before keeps running until it is edited.
     */
    private static void checkNotTooOften(String cron, ZoneId zone, Duration floor) {
        Duration gap = SourceCron.shortestGap(cron, zone, Instant.now());
        if (gap != null && gap.compareTo(floor) < 0) {
            throw new InvalidSourceException(
                    "schedule", "source.schedule.cronTooOften", cron, gap.toString(), floor.toString());
        }
    }

    /** Quartz 2.5 reads "99" in the hour field as 9; numbers out of a field's range are refused here. */
    private static void checkRanges(String cron) {
        String[] fields = cron.split("\\s+");
        String[] names = {"seconds", "minutes", "hours", "dayOfMonth", "month", "dayOfWeek", "year"};
        int[][] ranges = {{0, 59}, {0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};
        for (int i = 0; i < fields.length && i < ranges.length; i++) {
            // numbers after a slash are steps, after a # the nth weekday: not values of the field
            java.util.regex.Matcher number =
                    java.util.regex.Pattern.compile("(?<![/#\\d])\\d+").matcher(fields[i]);
            while (number.find()) {
                int n = Integer.parseInt(number.group());
                if (n < ranges[i][0] || n > ranges[i][1]) {
                    throw new InvalidSourceException(
                            "schedule",
                            "source.schedule.outOfRange",
                            cron,
                            new SourceTexts.Key("source.cron." + names[i]),
                            String.valueOf(ranges[i][0]),
                            String.valueOf(ranges[i][1]),
                            String.valueOf(n));
                }
            }
        }
    }

    /** The expression the Quartz trigger runs: {@link #expression()} with {@code ?} where Quartz needs one. */
    public String quartzExpression() {
        return SourceCron.quartz(expression);
    }

    public boolean isCron() {
        return interval == null && !isAdaptive();
    }

    /**
     * The first time after {@code after} this schedule fires (for display; Quartz keeps the real one).
     * An adaptive schedule's depends on what was learned: this is the earliest it may fire.
     */
    public Instant nextAfter(Instant after) {
        if (interval != null) {
            return after.plus(interval);
        }
        if (isAdaptive()) {
            Duration shortest = bounds().shortest();
            return after.plus(shortest == null ? MIN_INTERVAL : shortest);
        }
        try {
            CronExpression cron = new CronExpression(quartzExpression());
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            Date next = cron.getNextValidTimeAfter(Date.from(after));
            return next == null ? Instant.MAX : next.toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("validated cron expression no longer parses: " + expression, e);
        }
    }
}
