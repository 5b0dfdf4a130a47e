package org.outpost.dashboard.article;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses a time filter given as a date ({@code 2022-10-18}) or an instant ({@code 2022-10-18T09:00:00Z}). */
public final class TimeParam {

    private TimeParam() {}

    /**
     * @param endOfDay for a plain date, the last instant of that day (an inclusive upper bound) instead of its start
     * @throws IllegalArgumentException naming the parameter and the accepted forms
     */
    public static @Nullable Instant parse(String name, @Nullable String value, boolean endOfDay) {
        return parse(name, value, endOfDay, ZoneOffset.UTC);
    }

    /** As {@link #parse(String, String, boolean)}, with a plain date's day in {@code zone}. */
    public static @Nullable Instant parse(String name, @Nullable String value, boolean endOfDay, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay
                        ? date.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
                        : date.atStartOfDay(zone).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date like 2022-10-18 or a time like "
                    + "2022-10-18T09:00:00Z, was '" + value + "'");
        }
    }

    /** A time zone parameter ({@code tz}): an id like {@code Asia/Dushanbe} or {@code UTC}. */
    public static ZoneId zone(String name, String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a time zone such as UTC or Asia/Dushanbe, was '" + value + "'");
        }
    }
}
