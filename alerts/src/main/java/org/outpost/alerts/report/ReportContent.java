package org.outpost.alerts.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.TermCount;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.trend.Spike;

/**
 * What one run of a report says, before it is rendered to HTML, text or a chart.
 *
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param previousFrom start of the period before, which ends at {@code from}
 * @param series the trend chart: per topic, one count per bucket of {@code bucketTimes}
 * @param emergingTerms per topic, the words that stand out in its articles
 * @param silentSources sources with articles in the previous period and none in this one
 * @param places the most mentioned places the report's map shows, most first; empty: no map
 * @param locale the reader's: the owner's language, which names, dates and sentences are in
 */
record ReportContent(
        String reportName,
        ReportPeriod period,
        ZoneId zone,
        Instant from,
        Instant to,
        Instant previousFrom,
        long total,
        long previousTotal,
        List<TopicCount> topics,
        TrendInterval interval,
        List<Instant> bucketTimes,
        List<Series> series,
        List<Spike> spikes,
        List<TopArticle> articles,
        List<TermCount> entities,
        List<TopicTerms> emergingTerms,
        List<String> silentSources,
        List<PlacesMap.Place> places,
        Scope scope,
        Locale locale) {

    /** @param name the topic's display name */
    record TopicCount(String id, String name, long count, long previous) {

        long change() {
            return count - previous;
        }

        /** Change in percent of the previous count; null when there was none before. */
        @Nullable
        Long percentChange() {
            return previous == 0 ? null : Math.round(100.0 * (count - previous) / previous);
        }
    }

    record Series(String topicName, List<Long> counts) {}

    /**
     * @param score the strongest score among the report's topics, 0 to 1
     * @param topicNames display names of the topics it carries
     */
    record TopArticle(
            String id,
            String title,
            @Nullable String url,
            String source,
            @Nullable Instant datedAt,
            double score,
            List<String> topicNames,
            String snippet) {}

    record TopicTerms(String topicName, List<TermCount> terms) {}

    /**
     * What the report is narrowed to, for its header.
     *
     * @param languageNames names of the article languages it covers, in the reader's language; empty for all
     */
    record Scope(List<String> topicNames, @Nullable String query, List<String> sources, List<String> languageNames) {}

    String topicName(String id) {
        return topics.stream()
                .filter(t -> t.id().equals(id))
                .map(TopicCount::name)
                .findFirst()
                .orElse(TopicNames.fallback(id));
    }
}
