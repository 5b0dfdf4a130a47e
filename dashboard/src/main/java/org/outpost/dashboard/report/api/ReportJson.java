package org.outpost.dashboard.report.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.report.Report;
import org.outpost.alerts.report.ReportDefinition;
import org.outpost.alerts.report.ReportRun;

/** JSON shapes of the reports API. */
final class ReportJson {

    private ReportJson() {}

    /**
     * The body of POST and PUT; missing optional fields take their defaults.
     *
     * @param languages article language codes ({@code ["ru", "en"]}); missing or empty for every language
     */
    record Request(
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

        ReportDefinition definition() {
            return new ReportDefinition(
                    name, period, schedule, timezone, topics, query, sources, recipients, enabled, languages);
        }
    }

    record Response(
            long id,
            String name,
            String owner,
            String period,
            String schedule,
            String timezone,
            List<String> topics,
            @Nullable String query,
            List<String> sources,
            List<String> languages,
            List<String> recipients,
            boolean enabled,
            @Nullable Instant nextRun,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Run lastRun) {

        static Response of(Report r, @Nullable ReportRun lastRun) {
            return new Response(
                    r.id(),
                    r.name(),
                    r.owner(),
                    r.period().key(),
                    r.schedule(),
                    r.zone().getId(),
                    r.topics(),
                    r.query(),
                    r.sources(),
                    r.languages(),
                    r.recipients(),
                    r.enabled(),
                    r.nextRunAt(),
                    r.createdAt(),
                    r.updatedAt(),
                    lastRun == null ? null : Run.of(lastRun));
        }
    }

    record Run(
            long id,
            String trigger,
            String status,
            Instant periodStart,
            Instant periodEnd,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String error) {

        static Run of(ReportRun r) {
            return new Run(
                    r.id(),
                    r.trigger().name().toLowerCase(Locale.ROOT),
                    r.status().name().toLowerCase(Locale.ROOT),
                    r.periodStart(),
                    r.periodEnd(),
                    r.startedAt(),
                    r.finishedAt(),
                    r.error());
        }
    }

    record Started(long runId, String status) {}
}
