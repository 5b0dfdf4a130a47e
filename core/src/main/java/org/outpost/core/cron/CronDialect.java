package org.outpost.core.cron;

import java.util.regex.Pattern;

/**
 * The one cron dialect users write, for sources and reports alike: Spring's six fields (second
 * minute hour day-of-month month weekday, {@code ?} optional), with weekdays written as names
 * ({@code MON-FRI}). A weekday written as a number is refused in new input, because the two
 * schedulers behind Outpost count differently (Quartz: 1 = Sunday; Spring: 1 = Monday) and
 * schedules saved before there was one dialect keep the meaning they were saved with.
 */
public final class CronDialect {

    /** How messages name the dialect. */
    public static final String NAME = "Spring cron";

    private static final int WEEKDAY = 5;
    /** A step ({@code /2}) or an nth ({@code #2}) and what follows, and a trailing last ({@code L}). */
    private static final Pattern NOT_A_VALUE = Pattern.compile("[/#].*$|L$");

    private CronDialect() {}

    /** Whether the weekday field of a six-field expression names a day by its number ({@code 1}, {@code 1-5}, {@code 5L}). */
    public static boolean writesWeekdayAsNumber(String expression) {
        String[] fields = expression.strip().split("\\s+");
        if (fields.length != 6) {
            return false; // not the dialect's shape: its parser says what is wrong
        }
        for (String part : fields[WEEKDAY].split("[,-]")) {
            String value =
                    NOT_A_VALUE.matcher(part.toUpperCase(java.util.Locale.ROOT)).replaceFirst("");
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }
}
