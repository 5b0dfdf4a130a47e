package org.outpost.dashboard.ui.i18n;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates, times and numbers as the reader's language writes them: the patterns are in the bundles
 * ({@code format.*}), so English keeps "4 Dec 2026, 18:29" and Russian reads "4 дек. 2026, 18:29"
 * and "4 декабря 2026" (month names in the genitive), numbers "12,345" and "12 345".
 */
public final class LocalFormat {

    private LocalFormat() {}

    /** "4 Dec 2026, 18:29". */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return pattern("format.dateTime", locale).format(instant.atZone(zone));
    }

    /** "4 Dec 18:29". */
    public static String shortDateTime(Instant instant, ZoneId zone, Locale locale) {
        return pattern("format.shortDateTime", locale).format(instant.atZone(zone));
    }

    /** "4 Dec 18:29:05". */
    public static String shortDateTimeSeconds(Instant instant, ZoneId zone, Locale locale) {
        return pattern("format.shortDateTimeSeconds", locale).format(instant.atZone(zone));
    }

    /** "4 Dec". */
    public static String day(Instant instant, ZoneId zone, Locale locale) {
        return pattern("format.day", locale).format(instant.atZone(zone));
    }

    /** "4 December 2026". */
    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return pattern("format.date", locale).format(instant.atZone(zone));
    }

    /** "12,345" / "12 345". */
    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** "1.5" / "1,5", one decimal. */
    public static String decimal(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** "Monday" / "понедельник". */
    public static String dayOfWeek(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
    }

    private static DateTimeFormatter pattern(String key, Locale locale) {
        return DateTimeFormatter.ofPattern(Texts.get(locale, key), locale);
    }
}
