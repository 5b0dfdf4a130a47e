package org.outpost.crawler.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A date written out in prose, as press releases, old CMSs and agencies state it ("Dushanbe, 12
 * March 2024 —", "March 12, 2024", "12.03.2024", "16 ноября 2026 года", "16 ноя 2026, 09:15",
 * "Душанбе, 16 ноя —", "16 декабри соли 2026", "2026-yil 16-noyabr", "16 желтоқсан 2026"). Month
 * names in English, Russian (nominative, genitive, abbreviated), Tajik, Uzbek (both scripts),
 * Kazakh and a few Western languages. The day is taken as midnight UTC, as {@link
 * PublicationDate} does for date-only values.
 */
final class TextDate {

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(" + alternatives(MONTHS) + ")\\.?(?![\\p{L}])";
    /** Cyrillic month names only: a year-less "16 ноя" is a dateline, a year-less "2 may" an English verb. */
    private static final String CYRILLIC_MONTH = "(" + alternatives(cyrillic(MONTHS)) + ")\\.?(?![\\p{L}])";

    private static final String YEAR = "((?:19|20)\\d{2})(?!\\d)";
    private static final String DAY =
            "(?<![\\p{L}\\d.])(\\d{1,2})(?:st|nd|rd|th|-?го|-?е|-?ci|-?chi|-?inchi)?(?:\\s+|-)";
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("(?iu)" + DAY + "(?:of\\s+)?" + MONTH + ",?\\s+(?:соли\\s+|sol\\s+)?" + YEAR);
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("(?iu)(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+" + YEAR);
    /** Uzbek and Kazakh put the year first: "2026-yil 16-noyabr", "2026 жылғы 16 желтоқсан". */
    private static final Pattern YEAR_DAY_MONTH = Pattern.compile("(?iu)(?<!\\d)((?:19|20)\\d{2})(?:-|\\s+)?"
            + "(?:yil|йил|жыл|жылы|жылғы|ж\\.|г\\.|года|йили|соли|sol)\\s*,?\\s+(\\d{1,2})(?:-|\\s+)" + MONTH);

    private static final Pattern ISO = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DOTTED =
            Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH =
            Pattern.compile("(?iu)" + DAY + CYRILLIC_MONTH + "(?!,?\\s+(?:19|20)\\d{2})");
    /** A line this short is a dateline or byline whatever else it holds. */
    private static final int DATELINE_LENGTH = 100;
    /** How far into a paragraph a dateline's date may sit: "Khujand, Sughd region, 16 November 2026 —". */
    private static final int DATELINE_START = 40;

    private static final List<Pattern> WITH_YEAR = List.of(DAY_MONTH_YEAR, MONTH_DAY_YEAR, YEAR_DAY_MONTH, ISO, DOTTED);

    /** A date stated in a text, where it was found. */
    record Stated(LocalDate date, int at) {
        Instant instant() {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    private TextDate() {}

    /** The first date with a year in the text, if any of the supported forms is there and is a real day. */
    static Optional<Instant> find(String text) {
        return all(text).stream().min(Comparator.comparingInt(Stated::at)).map(Stated::instant);
    }

    /** Whether the text holds a date, with or without a year. */
    static boolean hasDate(String text) {
        return !all(text).isEmpty() || DAY_MONTH.matcher(text).find();
    }

    /**
     * The first date of a dateline or byline: a date on a short line, or at the start of a longer
     * one ("Душанбе, 16 ноя — …"); a date deep inside a lead sentence is an event's, left to
     * {@link #latestStated}. A year-less "16 ноя" counts here, as the latest such day not after the
     * fetch (agencies drop the year from the current year's dates).
     */
    static Optional<Instant> inLead(String lead, Instant fetchedAt) {
        LocalDate today = fetchedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        for (String line : lead.split("\n")) {
            List<Stated> found = new ArrayList<>(all(line));
            Matcher m = DAY_MONTH.matcher(line);
            while (m.find()) {
                LocalDate date = yearless(Integer.parseInt(m.group(1)), month(m.group(2)), today);
                if (date != null) {
                    found.add(new Stated(date, m.start()));
                }
            }
            boolean shortLine = line.length() <= DATELINE_LENGTH;
            Optional<Stated> first = found.stream()
                    .filter(s -> !s.date().isAfter(today.plusDays(1)))
                    .filter(s -> shortLine || s.at() <= DATELINE_START)
                    .min(Comparator.comparingInt(Stated::at));
            if (first.isPresent()) {
                return Optional.of(first.get().instant());
            }
        }
        return Optional.empty();
    }

    /**
     * The date a story's text states for its events, for a page or story that declares none: the
     * latest full date not after the fetch. A story quotes history ("the 1997 peace accord", "since
     * 12 May 2015") and rarely the future, so its newest stated date is the one nearest to when it
     * was written; a date after the fetch is a plan or a typo, never the story's own. Dates without
     * a year are left out here: in a body they are as often last year's as this year's.
     */
    static Optional<Instant> latestStated(String text, Instant fetchedAt) {
        LocalDate today = fetchedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        return all(text).stream()
                .map(Stated::date)
                .filter(d -> !d.isAfter(today))
                .max(Comparator.naturalOrder())
                .map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC))
                .map(PlausibleDate::orNull);
    }

    private static List<Stated> all(String text) {
        List<Stated> found = new ArrayList<>();
        for (Pattern pattern : WITH_YEAR) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                LocalDate date = date(pattern, m);
                if (date != null) {
                    found.add(new Stated(date, m.start()));
                }
            }
        }
        return found;
    }

    private static @Nullable LocalDate date(Pattern pattern, Matcher m) {
        try {
            if (pattern == DAY_MONTH_YEAR) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            }
            if (pattern == MONTH_DAY_YEAR) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (pattern == YEAR_DAY_MONTH) {
                return LocalDate.of(Integer.parseInt(m.group(1)), month(m.group(3)), Integer.parseInt(m.group(2)));
            }
            if (pattern == ISO) {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            return LocalDate.of(
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate yearless(int day, int month, LocalDate today) {
        // a "1 января" dateline read late on 31 December UTC comes from a zone already in the new year
        int latest = today.getYear() + (today.getMonthValue() == 12 && month == 1 ? 1 : 0);
        for (int year = latest; year >= today.getYear() - 1; year--) {
            try {
                LocalDate date = LocalDate.of(year, month, day);
                if (!date.isAfter(today.plusDays(1))) {
                    return date;
                }
            } catch (DateTimeException e) {
                // 29 February of a year that has none: try the year before
            }
        }
        return null;
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    private static String alternatives(Map<String, Integer> months) {
        return String.join(
                "|",
                months.keySet().stream()
                        .sorted((a, b) -> b.length() - a.length())
                        .toList());
    }

    private static Map<String, Integer> cyrillic(Map<String, Integer> months) {
        Map<String, Integer> cyrillic = new HashMap<>();
        months.forEach((name, month) -> {
            if (Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.CYRILLIC) {
                cyrillic.put(name, month);
            }
        });
        return cyrillic;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        String[][] names = {
            // English, Russian (genitive, nominative, abbreviations), Tajik, Uzbek Latin and Cyrillic, Kazakh, Western
            {
                "january",
                "jan",
                "января",
                "январь",
                "янв",
                "январи",
                "январ",
                "yanvar",
                "қаңтар",
                "қаңтардағы",
                "janvier",
                "januar"
            },
            {
                "february",
                "feb",
                "февраля",
                "февраль",
                "фев",
                "февр",
                "феврали",
                "феврал",
                "fevral",
                "ақпан",
                "février",
                "fevrier",
                "februar"
            },
            {"march", "mar", "марта", "март", "мар", "марти", "mart", "наурыз", "mars", "märz"},
            {"april", "apr", "апреля", "апрель", "апр", "апрели", "апрел", "aprel", "сәуір", "avril"},
            {"may", "мая", "май", "майи", "мамыр", "mai"},
            {"june", "jun", "июня", "июнь", "июн", "июни", "iyun", "маусым", "juin", "juni"},
            {"july", "jul", "июля", "июль", "июл", "июли", "iyul", "шілде", "juillet", "juli"},
            {"august", "aug", "августа", "август", "авг", "августи", "avgust", "тамыз", "août", "aout"},
            {
                "september",
                "sep",
                "sept",
                "сентября",
                "сентябрь",
                "сен",
                "сент",
                "сентябри",
                "сентябр",
                "sentabr",
                "sentyabr",
                "қыркүйек",
                "septembre"
            },
            {
                "october", "oct", "октября", "октябрь", "окт", "октябри", "октябр", "oktabr", "oktyabr", "қазан",
                "octobre", "oktober"
            },
            {"november", "nov", "ноября", "ноябрь", "ноя", "нояб", "ноябри", "ноябр", "noyabr", "қараша", "novembre"},
            {
                "december",
                "dec",
                "декабря",
                "декабрь",
                "дек",
                "декабри",
                "декабр",
                "dekabr",
                "желтоқсан",
                "décembre",
                "decembre",
                "dezember"
            },
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
