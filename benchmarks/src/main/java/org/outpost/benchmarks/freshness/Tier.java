package org.outpost.benchmarks.freshness;

import java.time.Duration;

/**
 * How often a fixture source publishes, in real time: each source of a tier gets its own mean gap
 * between articles (log-uniform within the tier's range), and its articles come at random
 * (exponential gaps) around that mean, so nothing can be learned but the rate.
 */
enum Tier {
    /** A wire or a live blog: every 5 to 30 minutes. */
    FREQUENT("every 5–30 min", Duration.ofMinutes(5), Duration.ofMinutes(30), 10),
    /** Four to eight articles a day. */
    SEVERAL_A_DAY("4–8 a day", Duration.ofHours(3), Duration.ofHours(6), 60),
    /** One to three a day. */
    FEW_A_DAY("1–3 a day", Duration.ofHours(8), Duration.ofHours(24), 90),
    /** Nothing new: the last article weeks ago. */
    SILENT("silent", Duration.ofDays(7), Duration.ofDays(7), 40);

    final String label;
    final Duration shortestGap;
    final Duration longestGap;
    final int sources;

    Tier(String label, Duration shortestGap, Duration longestGap, int sources) {
        this.label = label;
        this.shortestGap = shortestGap;
        this.longestGap = longestGap;
        this.sources = sources;
    }

    /** The goal's group: sources that publish several times a day or more. */
    boolean severalADayOrMore() {
        return this == FREQUENT || this == SEVERAL_A_DAY;
    }

    /** Sources of every tier together. */
    static int totalSources() {
        int total = 0;
        for (Tier tier : values()) {
            total += tier.sources;
        }
        return total;
    }

    /** The tier of source {@code site}: tiers in declaration order, each its {@link #sources} in a row. */
    static Tier of(int site) {
        int start = 0;
        for (Tier tier : values()) {
            if (site < start + tier.sources) {
                return tier;
            }
            start += tier.sources;
        }
        throw new IndexOutOfBoundsException(site + " of " + totalSources());
    }
}
