package org.outpost.crawler.run;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** One run of one source, as recorded. */
@NamedInterface("run")
public record CrawlRun(
        long id,
        long sourceId,
        RunTrigger trigger,
        RunStatus status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        int pagesFetched,
        long bytesFetched,
        int articlesNew,
        int articlesUpdated,
        int articlesUnchanged,
        int articlesDuplicate,
        int articlesQueued,
        int errors,
        @Nullable String message) {

    public @Nullable Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
