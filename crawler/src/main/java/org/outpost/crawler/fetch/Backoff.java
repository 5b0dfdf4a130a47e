package org.outpost.crawler.fetch;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Exponential back-off for sources that answer 429/503 or fail repeatedly. */
final class Backoff {

    static final Duration BASE = Duration.ofSeconds(30);
    static final Duration CAP = Duration.ofHours(6);

    private Backoff() {}

    static Duration of(int attempt, @Nullable Duration retryAfter) {
        // 30 s * 2^10 already exceeds 6 h, so clamping the exponent also avoids overflow.
        int exponent = Math.max(0, Math.min(attempt, 10));
        Duration exponential = BASE.multipliedBy(1L << exponent);
        if (exponential.compareTo(CAP) > 0) {
            exponential = CAP;
        }
        // The server's explicit wish wins even over our cap: ignoring it only earns another 429.
        if (retryAfter != null && retryAfter.compareTo(exponential) > 0) {
            return retryAfter;
        }
        return exponential;
    }
}
