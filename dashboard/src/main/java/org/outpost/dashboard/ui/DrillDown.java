package org.outpost.dashboard.ui;

import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.TrendInterval;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/** Where a number on a chart leads (Explore with its query and days) and how its bucket is labelled. */
public final class DrillDown {

    private DrillDown() {}

    /** Explore with the query, the source and the days of [from, to) in the reader's zone (Explore filters whole days). */
    public static String explore(
            @Nullable String query,
            @Nullable String source,
            @Nullable Instant from,
            @Nullable Instant to,
            ZoneId zone) {
        return "explore?" + exploreParameters(query, source, from, to, zone).getQueryString();
    }

    /** The same as parameters, for {@code UI.navigate("explore", ...)} (a location string with a query is not parsed there). */
    public static QueryParameters exploreParameters(
            @Nullable String query,
            @Nullable String source,
            @Nullable Instant from,
            @Nullable Instant to,
            ZoneId zone) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            params.put("q", query);
        }
        if (source != null) {
            params.put("source", source);
        }
        if (from != null && to != null) {
            params.put("from", from.atZone(zone).toLocalDate().toString());
            params.put("to", to.minusMillis(1).atZone(zone).toLocalDate().toString());
        }
        return QueryParameters.simple(params);
    }

    /** A chart category for a time bucket, in the reader's language: with the hour for hourly buckets. */
    public static String bucketLabel(Instant bucket, TrendInterval interval, ZoneId zone) {
        return interval == TrendInterval.HOUR
                ? LocalFormat.shortDateTime(bucket, zone, Texts.locale())
                : LocalFormat.day(bucket, zone, Texts.locale());
    }
}
