package org.outpost.alerts.report;

import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A definition that passed {@link ReportValidator}: trimmed, defaults applied. */
record ValidReport(
        String name,
        ReportPeriod period,
        ReportSchedule schedule,
        List<String> topics,
        @Nullable String query,
        List<String> sources,
        List<String> languages,
        List<String> recipients,
        boolean enabled) {

    ZoneId zone() {
        return schedule.zone();
    }
}
