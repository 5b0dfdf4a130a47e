package org.outpost.core.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dateline: a short line that is nothing but a date, give or take a label ("Interview - "), a
 * weekday and a time. Only such a line dates the article; a date inside a sentence is when something
 * happened, not when the article appeared.
 */
final class DatelineFinder {

    // Longest realistic dateline: "Last updated: Wednesday, 28 September 2022, 14:05 GMT+5".
    private static final int MAX_DATELINE = 64;
    private static final int MAX_LABEL_WORDS = 3;

    private static final Pattern TRAILING_TIME = Pattern.compile(
            "(?i)(?:T|,? (?:at )?|[,]|,? ?[-–|] ?)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?: ?[ap]\\.?m\\.?)?"
                    + "(?: ?(?:Z|[A-Z]{2,5}(?: ?[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2}))?$");
    private static final Pattern LEADING_TIME =
            Pattern.compile("(?i)^\\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[ap]\\.?m\\.?)?(?: ?[,|-] ?| )");

    private static final String MONTH = "(\\p{L}{3,9})\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(\\d{4})";

    private enum Order {
        YMD,
        DMY,
        MONTH_DAY_YEAR,
        DAY_MONTH_YEAR
    }

    private record DateShape(Pattern pattern, Order order) {
        DateShape(String date, Order order) {
            this(Pattern.compile("(?i)^(.{0,40}?)" + date + "$"), order);
        }
    }

    private static final List<DateShape> SHAPES = List.of(
            new DateShape("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})", Order.YMD),
            new DateShape("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})", Order.DMY),
            new DateShape(MONTH + " " + DAY + ",? " + YEAR, Order.MONTH_DAY_YEAR),
            new DateShape(DAY + " " + MONTH + ",? " + YEAR, Order.DAY_MONTH_YEAR));

    private static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");
    /**
     * Russian month stems (nominative "ноябрь", genitive "ноября", abbreviated "ноя", "нояб"), which also
     * cover the Tajik "ноябри" and the Uzbek and Kyrgyz "ноябр"; Uzbek Latin and Kazakh names in full.
     */
    private static final List<List<String>> OTHER_MONTHS = List.of(
            List.of("янв", "yanvar", "қаңтар"),
            List.of("фев", "fevral", "ақпан"),
            List.of("мар", "mart", "наурыз"),
            List.of("апр", "aprel", "сәуір"),
            List.of("ма", "may", "мамыр"),
            List.of("июн", "iyun", "маусым"),
            List.of("июл", "iyul", "шілде"),
            List.of("авг", "avgust", "тамыз"),
            List.of("сен", "sentabr", "sentyabr", "қыркүйек"),
            List.of("окт", "oktabr", "oktyabr", "қазан"),
            List.of("ноя", "noyabr", "қараша"),
            List.of("дек", "dekabr", "желтоқсан"));

    private static final List<String> WEEKDAYS = List.of(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "понедельник",
            "вторник",
            "среда",
            "четверг",
            "пятница",
            "суббота",
            "воскресенье");
    private static final Set<String> DATE_WORDS = Set.of(
            "published",
            "posted",
            "updated",
            "last",
            "modified",
            "created",
            "date",
            "dated",
            "on",
            "опубликовано",
            "обновлено",
            "дата",
            "публикации",
            "нашр",
            "санаи",
            "sana");
    /** "16 ноября 2026 года", "16 ноября 2026 г.", "16 ноябри соли 2026": the year's label is part of the date. */
    private static final Pattern YEAR_LABEL =
            Pattern.compile("(?iu)(\\d{4})\\s*(?:года|год|г\\.?|й\\.?|yil|жыл|жылы)$");

    private static final Pattern YEAR_PREFIX_LABEL = Pattern.compile("(?iu)\\s(?:соли|sol)\\s+(\\d{4})$");

    private DatelineFinder() {}

    /** The date of a dateline, or empty when the line is anything else. */
    static Optional<LocalDate> parse(String line) {
        if (line.length() > MAX_DATELINE) {
            return Optional.empty();
        }
        String text = TRAILING_TIME.matcher(line.strip()).replaceFirst("");
        text = LEADING_TIME.matcher(text).replaceFirst("");
        text = YEAR_LABEL.matcher(text).replaceFirst("$1");
        text = YEAR_PREFIX_LABEL.matcher(text).replaceFirst(" $1");
        for (DateShape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(text);
            if (matcher.matches() && isDatelinePrefix(matcher.group(1))) {
                Optional<LocalDate> date = toDate(matcher, shape.order());
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    static boolean isDateline(String line) {
        return parse(line).isPresent();
    }

    /**
     * What may precede the date: labels closed by a separator ("Interview - ", "News | "), then date words
     * and a weekday ("Posted on Thursday, ") or a place closed by a comma ("Dushanbe, "). Anything else, such
     * as "Conference held on", makes the line a sentence that happens to end in a date.
     */
    private static boolean isDatelinePrefix(String prefix) {
        String[] parts = prefix.split("[-–—|:]", -1);
        for (int i = 0; i < parts.length - 1; i++) {
            String label = parts[i].strip();
            if (label.isEmpty() || !label.matches("[\\p{L} ]+") || label.split(" ").length > MAX_LABEL_WORDS) {
                return false;
            }
        }
        String last = parts[parts.length - 1].strip();
        if (last.isEmpty()) {
            return true;
        }
        boolean commaClosed = last.endsWith(",");
        String[] words = last.replace(",", " ").strip().split(" +");
        boolean allDateWords = true;
        boolean allCapitalised = true;
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT).replace(".", "");
            allDateWords &= DATE_WORDS.contains(lower) || isWeekday(lower);
            allCapitalised &= !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && word.matches("[\\p{L}.]+");
        }
        return allDateWords || (commaClosed && allCapitalised && words.length <= 2);
    }

    private static boolean isWeekday(String word) {
        return word.length() >= 3 && WEEKDAYS.stream().anyMatch(day -> day.startsWith(word));
    }

    private static Optional<LocalDate> toDate(Matcher matcher, Order order) {
        try {
            return switch (order) {
                case YMD -> date(matcher.group(2), month(matcher.group(3)), matcher.group(4));
                case DMY -> date(matcher.group(4), month(matcher.group(3)), matcher.group(2));
                case MONTH_DAY_YEAR -> date(matcher.group(4), monthName(matcher.group(2)), matcher.group(3));
                case DAY_MONTH_YEAR -> date(matcher.group(4), monthName(matcher.group(3)), matcher.group(2));
            };
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String year, int month, String day) {
        if (month < 1) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)));
    }

    private static int month(String number) {
        return Integer.parseInt(number);
    }

    /** 1–12 for a month name or its abbreviation ("Oct", "Sept", "ноября", "ноя"), 0 for any other word. */
    static int monthName(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).startsWith(lower)) {
                return i + 1;
            }
        }
        if (lower.length() < 3) {
            return 0;
        }
        for (int i = 0; i < OTHER_MONTHS.size(); i++) {
            for (String name : OTHER_MONTHS.get(i)) {
                boolean cyrillicStem = name.length() <= 3
                        && Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
                if (cyrillicStem ? lower.startsWith(name) && isRussianMonthForm(lower, i) : lower.equals(name)) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** "мая", "май", "майи" are May, "март", "марта" March: the stem "ма" alone would also match "март". */
    private static boolean isRussianMonthForm(String word, int month) {
        return switch (month) {
            case 2 -> word.startsWith("мар") && word.length() <= 5;
            case 4 -> word.equals("мая") || word.equals("май") || word.equals("майи");
            default -> word.length() <= 9;
        };
    }
}
