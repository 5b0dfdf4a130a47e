package org.outpost.alerts.report;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A report as a user enters it; {@link ReportService} checks it and says which field is wrong.
 * Blank values take defaults: period {@code day}, the period's schedule (07:00 daily, Mondays,
 * or on the 1st), time zone UTC, enabled, every language.
 *
 * @param schedule Spring cron (second minute hour day-of-month month weekday), e.g. {@code 0 0 7 * * MON-FRI}
 * @param recipients email addresses and Outpost user names
 * @param languages article language codes ({@code ru}, {@code en}, … as
 *        {@link org.outpost.core.language.Language} names them); empty or null for every language
 */
@NamedInterface("report")
public record ReportDefinition(
        @Nullable String name,
        @Nullable String period,
        @Nullable String schedule,
        @Nullable String timezone,
        @Nullable List<String> topics,
        @Nullable String query,
        @Nullable List<String> sources,
        @Nullable List<String> recipients,
        @Nullable Boolean enabled,
        @Nullable List<String> languages) {

    /** A definition over articles in every language. */
    public ReportDefinition(
            @Nullable String name,
            @Nullable String period,
            @Nullable String schedule,
            @Nullable String timezone,
            @Nullable List<String> topics,
            @Nullable String query,
            @Nullable List<String> sources,
            @Nullable List<String> recipients,
            @Nullable Boolean enabled) {
        this(name, period, schedule, timezone, topics, query, sources, recipients, enabled, null);
    }
}
