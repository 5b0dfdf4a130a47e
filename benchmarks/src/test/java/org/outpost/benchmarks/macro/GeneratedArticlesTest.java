package org.outpost.benchmarks.macro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratedArticlesTest {

    @Test
    void aStoppedLoadResumesBeforeEveryBatchThatMayBeMissing() {
        // batches 0-9 done, 10 unfinished, 11-13 done out of order: 13,000 present, 10,000 the first missing
        assertThat(GeneratedArticles.resumeAt(13_000, 100_000)).isLessThanOrEqualTo(10_000);
        assertThat(GeneratedArticles.resumeAt(13_999, 100_000)).isLessThanOrEqualTo(10_000);
        // in order, it reloads only the last few batches
        assertThat(GeneratedArticles.resumeAt(50_000, 100_000)).isEqualTo(46_000);
    }

    @Test
    void anEmptyIndexLoadsFromTheStartAndAFullOneNotAtAll() {
        assertThat(GeneratedArticles.resumeAt(0, 100_000)).isZero();
        assertThat(GeneratedArticles.resumeAt(2_500, 100_000)).isZero();
        assertThat(GeneratedArticles.resumeAt(100_000, 100_000)).isEqualTo(100_000);
    }
}
