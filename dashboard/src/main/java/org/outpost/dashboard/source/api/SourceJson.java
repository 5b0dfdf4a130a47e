package org.outpost.dashboard.source.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.SourceStatus;
import org.outpost.crawler.run.CrawlRun;
import org.outpost.crawler.source.Source;
import org.outpost.crawler.source.SourceDefinition;

/** JSON shapes of the sources API. */
final class SourceJson {

    private SourceJson() {}

    /** The body of POST and PUT; missing optional fields take their defaults. */
    record Request(
            @Nullable String name,
            @Nullable String type,
            @Nullable String url,
            @Nullable String schedule,
            @Nullable String timezone,
            @Nullable Boolean enabled,
            @Nullable String language,
            @Nullable String includePattern,
            @Nullable String excludePattern,
            @Nullable Boolean allowPrivate) {

        SourceDefinition definition() {
            return new SourceDefinition(
                    name,
                    type,
                    url,
                    schedule,
                    timezone,
                    enabled,
                    language,
                    includePattern,
                    excludePattern,
                    allowPrivate);
        }
    }

    record Response(
            long id,
            String name,
            String type,
            String url,
            String schedule,
            String timezone,
            boolean enabled,
            @Nullable String language,
            @Nullable String includePattern,
            @Nullable String excludePattern,
            boolean allowPrivate,
            @Nullable String owner,
            Instant createdAt,
            Instant updatedAt,
            String health,
            @Nullable Instant nextRun,
            @Nullable Run lastRun,
            java.util.List<Alarm> alarms,
            @Nullable Pace pace,
            @Nullable WebSub websub) {

        static Response of(SourceStatus status) {
            Source s = status.source();
            return new Response(
                    s.id(),
                    s.name(),
                    s.type().key(),
                    s.url(),
                    s.schedule().expression(),
                    s.schedule().zone().getId(),
                    s.enabled(),
                    s.language(),
                    s.includePattern(),
                    s.excludePattern(),
                    s.allowPrivate(),
                    s.owner(),
                    s.createdAt(),
                    s.updatedAt(),
                    status.health().name().toLowerCase(java.util.Locale.ROOT),
                    status.nextRun(),
                    status.lastRun() == null ? null : Run.of(status.lastRun()),
                    status.alarms().stream().map(Alarm::of).toList(),
                    status.pace() == null ? null : Pace.of(status.pace()),
                    status.websub() == null ? null : WebSub.of(status.websub()));
        }
    }

    /**
     * A feed source's WebSub subscription: {@code state} ({@code pending}, {@code active},
     * {@code denied}, {@code expired}, {@code unsubscribing}), the hub and topic, when the lease
     * ends (active), the hub's refusal or the last error, pushes taken and ignored.
     */
    record WebSub(
            String state,
            String hub,
            String topic,
            @Nullable Instant leaseUntil,
            @Nullable String error,
            int deliveries,
            int rejected,
            @Nullable Instant lastDelivery) {

        static WebSub of(org.outpost.crawler.WebSubStatus w) {
            return new WebSub(
                    w.state(),
                    w.hub(),
                    w.topic(),
                    w.leaseUntil(),
                    w.error(),
                    w.deliveries(),
                    w.rejected(),
                    w.lastDelivery());
        }
    }

    /**
     * An adaptive source's interval between runs now, what set it ({@code new}, {@code publishes},
     * {@code silent}, {@code failing}), the limit that held it if any ({@code shortest}, {@code
     * longest}, {@code crawl_delay}), the figures behind it, and the reason in a sentence.
     */
    record Pace(
            long intervalSeconds,
            String why,
            @Nullable String bound,
            @Nullable Long usualGapSeconds,
            @Nullable Long silentSeconds,
            int failedRuns,
            Instant learnedAt,
            String explanation) {

        static Pace of(org.outpost.crawler.PollPace p) {
            return new Pace(
                    p.interval().toSeconds(),
                    p.why().name().toLowerCase(java.util.Locale.ROOT),
                    p.bound() == null ? null : p.bound().name().toLowerCase(java.util.Locale.ROOT),
                    p.usualGap() == null ? null : p.usualGap().toSeconds(),
                    p.silentFor() == null ? null : p.silentFor().toSeconds(),
                    p.failedRuns(),
                    p.learnedAt(),
                    p.describe(java.util.Locale.ENGLISH));
        }
    }

    /**
     * An open alarm: {@code silent} (no article for longer than its usual gap allows) or {@code
     * failing} (its last runs all failed).
     */
    record Alarm(
            String problem,
            Instant raisedAt,
            Instant since,
            @Nullable Long usualGapSeconds,
            int failedRuns,
            @Nullable String reason) {

        static Alarm of(org.outpost.crawler.SourceAlarm a) {
            return new Alarm(
                    a.problem().name().toLowerCase(java.util.Locale.ROOT),
                    a.raisedAt(),
                    a.since(),
                    a.usualGap() == null ? null : a.usualGap().toSeconds(),
                    a.failedRuns(),
                    a.reason());
        }
    }

    /** One entry of an OPML file: what an import does with it. */
    record OpmlEntryJson(
            @Nullable String name,
            @Nullable String type,
            @Nullable String url,
            String status,
            @Nullable String field,
            @Nullable String reason,
            @Nullable Long sourceId) {

        static OpmlEntryJson of(org.outpost.crawler.opml.OpmlEntry e) {
            return new OpmlEntryJson(
                    e.definition().name(),
                    e.definition().type(),
                    e.definition().url(),
                    e.status().name().toLowerCase(java.util.Locale.ROOT),
                    e.field(),
                    e.reason(java.util.Locale.ENGLISH),
                    e.existingId());
        }
    }

    /** A preview (nothing changed) or the result of an import: counts and entries. */
    record OpmlResult(long added, long present, long invalid, java.util.List<OpmlEntryJson> entries) {

        static OpmlResult of(org.outpost.crawler.opml.OpmlPreview p, boolean applied) {
            return new OpmlResult(
                    applied ? p.count(org.outpost.crawler.opml.OpmlEntry.Status.NEW) : 0,
                    p.count(org.outpost.crawler.opml.OpmlEntry.Status.PRESENT),
                    p.count(org.outpost.crawler.opml.OpmlEntry.Status.INVALID),
                    p.entries().stream().map(OpmlEntryJson::of).toList());
        }
    }

    record Run(
            long id,
            String trigger,
            String status,
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

        static Run of(CrawlRun r) {
            return new Run(
                    r.id(),
                    r.trigger().name().toLowerCase(java.util.Locale.ROOT),
                    r.status().name().toLowerCase(java.util.Locale.ROOT),
                    r.startedAt(),
                    r.finishedAt(),
                    r.pagesFetched(),
                    r.bytesFetched(),
                    r.articlesNew(),
                    r.articlesUpdated(),
                    r.articlesUnchanged(),
                    r.articlesDuplicate(),
                    r.articlesQueued(),
                    r.errors(),
                    r.message());
        }
    }

    record Error(long runId, @Nullable String url, String kind, String reason, Instant at) {}

    record RunWithErrors(Run run, java.util.List<Error> errors) {}
}
