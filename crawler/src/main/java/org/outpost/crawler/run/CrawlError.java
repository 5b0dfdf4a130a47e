package org.outpost.crawler.run;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One thing that went wrong in a run.
 *
 * @param kind a stable code (a fetch status such as {@code TIMEOUT}, or {@code EXTRACTION}, {@code FEED}, {@code INDEX})
 */
@NamedInterface("run")
public record CrawlError(long runId, @Nullable String url, String kind, String reason, Instant at) {}
