package org.outpost.benchmarks.freshness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When each fixture source publishes, in real time from the plan's start: a few articles before
 * it (the history an adaptive source learns from on its first run) and, for sources that are not
 * silent, articles at random gaps around the source's mean until the horizon. The same seed gives
 * the same plan, so both arms of a run see their sources publish at the same moments.
 */
final class PublicationPlan {

    /** Articles each source has before the start: more than the learner's five, fewer than the feed shows. */
    static final int BACKLOG = 6;

    /** Every fifth source asks for a Crawl-delay (real seconds). */
    static final Duration CRAWL_DELAY_SHORT = Duration.ofSeconds(60);

    static final Duration CRAWL_DELAY_LONG = Duration.ofSeconds(120);

    private final long seed;

    PublicationPlan(long seed) {
        this.seed = seed;
    }

    /** The source's mean real gap between articles (log-uniform in its tier's range). */
    Duration meanGap(int site) {
        Tier tier = Tier.of(site);
        double low = Math.log(tier.shortestGap.toSeconds());
        double high = Math.log(tier.longestGap.toSeconds());
        double u = random(site, 0).nextDouble();
        return Duration.ofSeconds(Math.round(Math.exp(low + (high - low) * u)));
    }

    /**
     * The source's articles as real offsets from the start, oldest first: {@link #BACKLOG} before it
     * and, unless silent, every one up to {@code horizon}.
     */
    List<Duration> offsets(int site, Duration horizon) {
        Tier tier = Tier.of(site);
        SplittableRandom random = random(site, 1);
        double mean = meanGap(site).toMillis();
        List<Duration> before = new ArrayList<>();
        // a silent source's newest article is three to thirty days old; the others' as their rate gives
        long back = tier == Tier.SILENT
                ? Duration.ofDays(3).toMillis()
                        + (long) (random.nextDouble() * Duration.ofDays(27).toMillis())
                : exponential(random, mean);
        for (int i = 0; i < BACKLOG; i++) {
            before.addFirst(Duration.ofMillis(-back));
            back += exponential(random, mean);
        }
        List<Duration> all = new ArrayList<>(before);
        if (tier != Tier.SILENT) {
            long at = exponential(random, mean);
            while (at <= horizon.toMillis()) {
                all.add(Duration.ofMillis(at));
                at += exponential(random, mean);
            }
        }
        return all;
    }

    /** robots.txt's Crawl-delay of the source in real time; zero when it sets none. */
    Duration crawlDelay(int site) {
        if (site % 5 != 4) {
            return Duration.ZERO;
        }
        return site % 10 == 4 ? CRAWL_DELAY_SHORT : CRAWL_DELAY_LONG;
    }

    /** Odd sources publish Atom, even ones RSS 2.0. */
    boolean atom(int site) {
        return site % 2 == 1;
    }

    private static long exponential(SplittableRandom random, double mean) {
        return Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * mean));
    }

    private SplittableRandom random(int site, int stream) {
        return new SplittableRandom(seed * 1_000_003L + site * 31L + stream);
    }
}
