package org.outpost.core.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The date a story's own text states, for a story with no dateline: "on 18 October 2022", "October 18,
 * 2022", "18 октября 2022 года", "20.10.2022", and year-less "on October 19" or "19 октября" given the
 * page's year.
 *
 * <p>Which one: the latest stated date not after today. A story quotes history ("the 1997 peace accord",
 * "since 4 May 2018") far more often than the future, so its newest date is the nearest to when it was
 * written. A year-less date takes the year of the latest full date on the page (a digest's stories share
 * their season) or, failing one, of the latest year the story names; a year-less date after the page's
 * latest full date (by more than a week) is a plan ("the G20, which takes place on November 15-16") and
 * does not count.
 */
final class StatedDate {

    private static final String MONTH = "(\\p{L}{3,9})\\.?";
    /** English month names are capitalised in prose; "may 3" in lower case is a verb and a number. */
    private static final String CAPITALISED_MONTH = "(\\p{Lu}\\p{L}{2,8})\\.?";

    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th|-?го|-?е)?";
    private static final String YEAR = "((?:19|20)\\d{2})(?![\\d])";
    private static final String NO_YEAR = "(?![\\p{L}\\d]|,?\\s*(?:19|20)\\d{2}|[-–]\\d{1,2},?\\s*(?:19|20)\\d{2})";

    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(?<![\\p{L}\\d.])" + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+(?:соли\\s+)?" + YEAR);
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(?<![\\p{L}])" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR);
    private static final Pattern DOTTED =
            Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?![\\d])");
    private static final Pattern MONTH_DAY =
            Pattern.compile("(?<![\\p{L}])" + CAPITALISED_MONTH + "\\s+" + DAY + NO_YEAR);
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\p{L}\\d.])" + DAY + "\\s+" + MONTH + NO_YEAR);
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\p{L}\\d.,/-])((?:19|20)\\d{2})(?![\\d.,/-]\\d)");

    /**
     * A digest's stories are a few days apart, so a year-less date this close after the page's latest
     * full date is still news; one weeks after it is an announced plan.
     */
    private static final int PLAN_MARGIN_DAYS = 7;

    private StatedDate() {}

    /** Full dates (with a year) stated in the text, in no particular order. */
    static List<LocalDate> fullDates(String text) {
        List<LocalDate> dates = new ArrayList<>();
        collect(DAY_MONTH_YEAR.matcher(text), 2, 1, 3, true, dates);
        collect(MONTH_DAY_YEAR.matcher(text), 1, 2, 3, true, dates);
        collect(DOTTED.matcher(text), 2, 1, 3, false, dates);
        collect(ISO.matcher(text), 2, 3, 1, false, dates);
        return dates;
    }

    /**
     * @param pageAnchor the latest full date stated anywhere on the page, or null when it states none
     * @param today nothing after this day is the story's date
     */
    static Optional<LocalDate> of(String story, @Nullable LocalDate pageAnchor, LocalDate today) {
        List<LocalDate> candidates = new ArrayList<>(fullDates(story));
        Integer year = pageAnchor != null ? Integer.valueOf(pageAnchor.getYear()) : latestYear(story, today);
        if (year != null) {
            LocalDate limit = pageAnchor != null ? pageAnchor.plusDays(PLAN_MARGIN_DAYS) : today;
            for (LocalDate date : yearless(story, year)) {
                if (!date.isAfter(limit)) {
                    candidates.add(date);
                }
            }
        }
        return candidates.stream().filter(d -> !d.isAfter(today)).max(LocalDate::compareTo);
    }

    private static List<LocalDate> yearless(String text, int year) {
        List<LocalDate> dates = new ArrayList<>();
        String yearText = Integer.toString(year);
        for (Matcher m = MONTH_DAY.matcher(text); m.find(); ) {
            add(yearText, m.group(1), m.group(2), true, dates);
        }
        for (Matcher m = DAY_MONTH.matcher(text); m.find(); ) {
            // Russian writes "19 октября" in lower case; an English "3 may" in lower case is a verb
            if (Character.isUpperCase(m.group(2).charAt(0))
                    || Character.UnicodeScript.of(m.group(2).codePointAt(0)) == Character.UnicodeScript.CYRILLIC) {
                add(yearText, m.group(2), m.group(1), true, dates);
            }
        }
        return dates;
    }

    private static @Nullable Integer latestYear(String text, LocalDate today) {
        Integer latest = null;
        for (Matcher m = BARE_YEAR.matcher(text); m.find(); ) {
            int year = Integer.parseInt(m.group(1));
            if (year <= today.getYear() && (latest == null || year > latest)) {
                latest = year;
            }
        }
        return latest;
    }

    private static void collect(
            Matcher m, int monthGroup, int dayGroup, int yearGroup, boolean monthName, List<LocalDate> into) {
        while (m.find()) {
            add(m.group(yearGroup), m.group(monthGroup), m.group(dayGroup), monthName, into);
        }
    }

    private static void add(String year, String month, String day, boolean monthName, List<LocalDate> into) {
        int monthNumber = monthName ? DatelineFinder.monthName(month) : Integer.parseInt(month);
        if (monthNumber < 1 || monthNumber > 12) {
            return;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), monthNumber, Integer.parseInt(day));
            // older than any news a monitor reads: a founding date, not the story's
            if (date.getYear() >= 1990 && date.getYear() <= Year.MAX_VALUE) {
                into.add(date);
            }
        } catch (DateTimeException | NumberFormatException e) {
            // "31 February": not a day
        }
    }
}
