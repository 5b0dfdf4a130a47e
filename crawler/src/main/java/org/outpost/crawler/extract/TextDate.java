package org.outpost.crawler.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A date written out in prose, as press releases and old CMSs state it at the top of the text
 * ("Dushanbe, 12 March 2024 —", "March 12, 2024", "12.03.2024", "12 марта 2024 г."). The day
 * is taken as midnight UTC, as {@link PublicationDate} does for date-only values.
 */
final class TextDate {

    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(" + String.join("|", MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList()) + ")\\.?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|-?го|-?е)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?iu)(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?!\\d)");

    private TextDate() {
    }

    /** The first date in the text, if any of the supported forms is there and is a real day. */
    static Optional<Instant> find(String text) {
        @Nullable Instant found = null;
        int at = Integer.MAX_VALUE;
        for (Pattern pattern : new Pattern[] {DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO, DOTTED}) {
            Matcher m = pattern.matcher(text);
            while (m.find() && m.start() < at) {
                LocalDate date = date(pattern, m);
                if (date != null) {
                    found = date.atStartOfDay().toInstant(ZoneOffset.UTC);
                    at = m.start();
                    break;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static @Nullable LocalDate date(Pattern pattern, Matcher m) {
        try {
            if (pattern == DAY_MONTH_YEAR) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            }
            if (pattern == MONTH_DAY_YEAR) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (pattern == ISO) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new java.util.HashMap<>();
        String[][] names = {
            {"january", "jan", "января", "январь", "janvier", "januar", "yanvar"},
            {"february", "feb", "февраля", "февраль", "février", "fevrier", "februar", "fevral"},
            {"march", "mar", "марта", "март", "mars", "märz", "mart"},
            {"april", "apr", "апреля", "апрель", "avril", "aprel"},
            {"may", "мая", "май", "mai"},
            {"june", "jun", "июня", "июнь", "juin", "juni", "iyun"},
            {"july", "jul", "июля", "июль", "juillet", "juli", "iyul"},
            {"august", "aug", "августа", "август", "août", "aout", "avgust"},
            {"september", "sep", "sept", "сентября", "сентябрь", "septembre", "sentabr", "sentyabr"},
            {"october", "oct", "октября", "октябрь", "octobre", "oktober", "oktabr", "oktyabr"},
            {"november", "nov", "ноября", "ноябрь", "novembre", "noyabr"},
            {"december", "dec", "декабря", "декабрь", "décembre", "decembre", "dezember", "dekabr"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
