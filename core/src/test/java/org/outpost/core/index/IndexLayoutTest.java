package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexLayoutTest {

    private final IndexLayout months = new IndexLayout("outpost-articles", 1, IndexPartition.MONTH);

    @Test
    void namesTheTemplateThePeriodsAndTheSingleIndexOfEarlierBuilds() {
        assertThat(months.prefix()).isEqualTo("outpost-articles-v1");
        assertThat(months.pattern()).isEqualTo("outpost-articles-v1-*");
        assertThat(months.legacyIndex()).isEqualTo("outpost-articles-v1");
        assertThat(months.indexFor(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("outpost-articles-v1-2026.12");
        assertThat(new IndexLayout("outpost-articles", 3, IndexPartition.YEAR)
                        .indexFor(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo("outpost-articles-v3-2026");
    }

    @Test
    void aPeriodEndsAtTheStartOfTheNextWhicheverPartitioningNamedIt() {
        assertThat(months.periodEnd("outpost-articles-v1-2026.12")).contains(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(months.periodEnd("outpost-articles-v1-2025")).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(months.periodEnd("outpost-articles-v1")).isEmpty();
        assertThat(months.periodEnd("outpost-articles-v1-restored")).isEmpty();
    }

    @Test
    void readsTheMappingVersionOfAnIndexBehindTheAliasAndNothingElse() {
        assertThat(IndexLayout.versionOf("outpost-articles", "outpost-articles-v1"))
                .hasValue(1);
        assertThat(IndexLayout.versionOf("outpost-articles", "outpost-articles-v12-2026.01"))
                .hasValue(12);
        assertThat(IndexLayout.versionOf("outpost-articles", "outpost-articles-vintage"))
                .isEmpty();
        assertThat(IndexLayout.versionOf("outpost-articles", "other-v1")).isEmpty();
        assertThat(months.owns("outpost-articles-v1-2026.01")).isTrue();
        assertThat(months.owns("outpost-articles-v1")).isTrue();
        assertThat(months.owns("outpost-articles-v10-2026.01")).isFalse();
    }
}
