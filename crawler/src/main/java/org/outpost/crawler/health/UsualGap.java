package org.outpost.crawler.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How long a source usually goes between two articles, learned from its recent article dates: the
 * median gap. A median, not a mean: a feed's first crawl brings a burst of articles a second
 * apart and a holiday brings one long gap, and neither should set the usual.
 *
 * @param median the median gap between consecutive articles
 * @param silentAfter how long without an article counts as silent: {@code multiplier × median},
 *     and at least the minimum
 */
record UsualGap(Duration median, Duration silentAfter) {

    /** @param dates the source's article dates, any order; empty when too few to learn from */
    static Optional<UsualGap> learn(List<Instant> dates, HealthSettings settings) {
        if (dates.size() < Math.max(2, settings.minimumHistory())) {
            return Optional.empty();
        }
        List<Instant> sorted = new ArrayList<>(dates);
        Collections.sort(sorted);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds());
        }
        Collections.sort(gaps);
        int n = gaps.size();
        long median = n % 2 == 1 ? gaps.get(n / 2) : (gaps.get(n / 2 - 1) + gaps.get(n / 2)) / 2;
        Duration usual = Duration.ofSeconds(median);
        Duration scaled = Duration.ofSeconds(Math.round(median * settings.gapMultiplier()));
        Duration silentAfter = scaled.compareTo(settings.minimumSilence()) < 0 ? settings.minimumSilence() : scaled;
        return Optional.of(new UsualGap(usual, silentAfter));
    }
}
