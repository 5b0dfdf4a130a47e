package org.outpost.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterAndBackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void retryAfterAcceptsDeltaSeconds() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterAcceptsHttpDate() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 12:30:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void retryAfterInThePastMeansNowAndGarbageMeansUnknown() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
    }

    @Test
    void backoffDoublesFromThirtySecondsAndCapsAtSixHours() {
        assertThat(PageFetcher.backoff(0, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PageFetcher.backoff(1, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(PageFetcher.backoff(4, null)).isEqualTo(Duration.ofMinutes(8));
        assertThat(PageFetcher.backoff(10, null)).isEqualTo(Duration.ofHours(6));
        assertThat(PageFetcher.backoff(1_000, null)).isEqualTo(Duration.ofHours(6));
        assertThat(PageFetcher.backoff(-3, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void backoffIsNeverShorterThanRetryAfter() {
        assertThat(PageFetcher.backoff(0, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(PageFetcher.backoff(3, Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(4));
        assertThat(PageFetcher.backoff(20, Duration.ofHours(8))).isEqualTo(Duration.ofHours(8));
    }
}
