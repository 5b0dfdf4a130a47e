package org.outpost.benchmarks.freshness;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one article, all on the run's wall clock: published (in its feed from then on),
 * served (the first feed answer with it, counted at the fixture), fetched (its page, at the fixture),
 * searchable (first seen in the index), alerted (its alert read by the webhook). Null: not by the
 * end of the run.
 */
record ItemTimes(
        Tier tier,
        Instant published,
        @Nullable Instant served,
        @Nullable Instant fetched,
        @Nullable Instant searchable,
        @Nullable Instant alerted) {

    /** Waiting for a poll: publication to the first feed answer with it, as real seconds. */
    double pollingSeconds(TimeCompression time) {
        return served == null ? Double.POSITIVE_INFINITY : seconds(time.toReal(Duration.between(published, served)));
    }

    /** The app's work from the feed answer to searchable, unscaled seconds. */
    double servedToSearchableSeconds() {
        return served == null || searchable == null
                ? Double.POSITIVE_INFINITY
                : seconds(Duration.between(served, searchable));
    }

    /** The app's work from the feed answer to the webhook, unscaled seconds. */
    double servedToAlertSeconds() {
        return served == null || alerted == null
                ? Double.POSITIVE_INFINITY
                : seconds(Duration.between(served, alerted));
    }

    /** Publication to searchable: the polling wait as real time plus the pipeline as measured. */
    double publicationToSearchableSeconds(TimeCompression time) {
        return pollingSeconds(time) + servedToSearchableSeconds();
    }

    /** Publication to the alert: the polling wait as real time plus the pipeline as measured. */
    double publicationToAlertSeconds(TimeCompression time) {
        return pollingSeconds(time) + servedToAlertSeconds();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
