package org.outpost.crawler.extract;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a stated publication date can be true. Pages and feeds state dates in year 1, 2999 or
 * the epoch (a CMS default, a typo, or on purpose); taken as is, such an article sorts first or
 * last forever and skews every chart. An implausible date is treated as no date.
 */
public final class PlausibleDate {

    /** Older than any news a monitor crawls; also rules out the epoch, a common "no date" value. */
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    /** Time zones and clock skew put honest dates up to a day ahead. */
    static final Duration AHEAD = Duration.ofDays(2);

    private PlausibleDate() {}

    public static @Nullable Instant orNull(@Nullable Instant date) {
        return date == null
                        || date.isBefore(EARLIEST)
                        || date.isAfter(Instant.now().plus(AHEAD))
                ? null
                : date;
    }
}
