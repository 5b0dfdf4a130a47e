package org.outpost.core.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The period one concrete article index holds: articles dated in one month (the default) or one year (UTC), so that
 * retention drops whole indices and old periods can be merged and frozen while the current one takes the writes.
 */
public enum IndexPartition {
    MONTH(DateTimeFormatter.ofPattern("uuuu.MM"), Pattern.compile("\\d{4}\\.\\d{2}")),
    YEAR(DateTimeFormatter.ofPattern("uuuu"), Pattern.compile("\\d{4}"));

    private final DateTimeFormatter format;
    private final Pattern suffix;

    IndexPartition(DateTimeFormatter format, Pattern suffix) {
        this.format = format;
        this.suffix = suffix;
    }

    /** The index name suffix of the period holding this instant: {@code 2026.12}, or {@code 2026} by year. */
    String suffix(Instant when) {
        return format.format(when.atZone(ZoneOffset.UTC));
    }

    /**
     * When the period named by a suffix ends (exclusive), whichever partitioning wrote it: an index of a layout
     * partitioned by year stays readable by a build partitioned by month, and the other way round.
     */
    static Optional<Instant> endOf(String suffix) {
        if (MONTH.suffix.matcher(suffix).matches()) {
            LocalDate start =
                    LocalDate.of(Integer.parseInt(suffix.substring(0, 4)), Integer.parseInt(suffix.substring(5, 7)), 1);
            return Optional.of(start.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (YEAR.suffix.matcher(suffix).matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(suffix), 1, 1);
            return Optional.of(start.plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return Optional.empty();
    }
}
