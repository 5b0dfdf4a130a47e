package org.outpost.alerts.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.ReaderTexts;
import org.outpost.core.article.Article;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.Facets;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.index.TermCount;
import org.outpost.core.index.TrendBucket;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.index.TrendQuery;
import org.outpost.core.language.Language;
import org.outpost.core.trend.Spike;
import org.outpost.core.trend.SpikeDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a report's period from the article index: counts per topic against the period before,
 * the trend with its spikes, the top articles, entities and emerging terms, and the sources
 * that went silent. Copies of a story count once (the index lists originals only).
 */
@Component
class ReportComposer {

    static final int TOP_ARTICLES = 10;
    static final int TOP_ENTITIES = 10;
    private static final int CANDIDATES = 100;
    private static final int CHART_TOPICS = 5;
    private static final int TERM_TOPICS = 3;
    private static final int FACET_SIZE = 500;
    private static final Logger log = LoggerFactory.getLogger(ReportComposer.class);

    private final ArticleSearch search;
    private final ArticleStats stats;
    private final TopicNames topicNames;
    private final SpikeDetector spikes = SpikeDetector.defaults();

    ReportComposer(ArticleSearch search, ArticleStats stats, TopicNames topicNames) {
        this.search = search;
        this.stats = stats;
        this.topicNames = topicNames;
    }

    /** @param locale the reader's: topic names and the chart's labels are in their language */
    ReportContent compose(Report report, Instant to, Locale locale) {
        ReportPeriod period = report.period();
        Instant from = period.startOf(to, report.zone());
        Instant previousFrom = period.minus(to, report.zone(), 2);
        String scope = scopeQuery(report);
        ArticleQuery.Filters filters = filters(report);
        Map<String, String> names = topicNames.all(locale);
        ReaderTexts texts = ReaderTexts.of(locale);

        Facets now = search.facets(query(scope, filters, from, to, 1), FACET_SIZE);
        Facets before = search.facets(query(scope, filters, previousFrom, from, 1), FACET_SIZE);
        long total = search.search(query(scope, filters, from, to, 1)).total();
        long previousTotal =
                search.search(query(scope, filters, previousFrom, from, 1)).total();
        List<ReportContent.TopicCount> topics = topicCounts(report, names, now, before);

        TrendInterval interval = period.buckets();
        List<String> chartTopics = topics.stream()
                .filter(t -> t.count() > 0)
                .limit(CHART_TOPICS)
                .map(ReportContent.TopicCount::id)
                .toList();
        List<String> allTopics =
                topics.stream().map(ReportContent.TopicCount::id).toList();
        List<TrendBucket> buckets = stats.trends(
                new TrendQuery(period.baselineStart(to, report.zone()), to, interval, null, scope, report.zone()),
                allTopics,
                filters);
        Duration width = interval == TrendInterval.HOUR ? Duration.ofHours(1) : Duration.ofDays(1);
        List<TrendBucket> inPeriod =
                buckets.stream().filter(b -> b.time().plus(width).isAfter(from)).toList();
        List<Instant> times = inPeriod.stream().map(TrendBucket::time).toList();
        List<ReportContent.Series> series = new ArrayList<>();
        series.add(new ReportContent.Series(
                texts.get("report.chart.all"),
                inPeriod.stream().map(TrendBucket::total).toList()));
        for (String topic : chartTopics) {
            series.add(new ReportContent.Series(
                    name(names, topic),
                    inPeriod.stream()
                            .map(b -> b.topics().getOrDefault(topic, 0L))
                            .toList()));
        }

        return new ReportContent(
                report.name(),
                period,
                report.zone(),
                from,
                to,
                previousFrom,
                total,
                previousTotal,
                topics,
                interval,
                times,
                series,
                spikes(allTopics, buckets, from),
                topArticles(report, scope, filters, from, to, names),
                now.entities().stream().limit(TOP_ENTITIES).toList(),
                emergingTerms(topics, from, to),
                silentSources(now, before),
                PlacesMap.places(now.entities(), Gazetteer.defaults()),
                new ReportContent.Scope(
                        report.topics().stream().map(t -> name(names, t)).toList(),
                        report.query(),
                        report.sources(),
                        languageNames(report, locale)),
                texts.locale());
    }

    /** The report's languages go to the index as a filter (the article's detected language), not into the query text. */
    static ArticleQuery.Filters filters(Report report) {
        return report.languages().isEmpty()
                ? ArticleQuery.Filters.NONE
                : new ArticleQuery.Filters(Map.of(), List.of(), List.of(), report.languages());
    }

    private static List<String> languageNames(Report report, Locale locale) {
        return report.languages().stream()
                .map(code -> {
                    Language language = Language.ofCode(code);
                    return language == null ? code : language.displayName(locale);
                })
                .toList();
    }

    /**
     * The report's scope as one query string (query, sources and topics), so that searches,
     * facets and trends all count the same articles.
     */
    static @Nullable String scopeQuery(Report report) {
        List<String> parts = new ArrayList<>();
        if (report.query() != null) {
            parts.add("(" + report.query() + ")");
        }
        if (!report.sources().isEmpty()) {
            parts.add("source:("
                    + String.join(
                            " OR ",
                            report.sources().stream()
                                    .map(ReportComposer::phrase)
                                    .toList()) + ")");
        }
        if (!report.topics().isEmpty()) {
            parts.add("topics:("
                    + String.join(
                            " OR ",
                            report.topics().stream().map(ReportComposer::phrase).toList()) + ")");
        }
        return parts.isEmpty() ? null : String.join(" AND ", parts);
    }

    private static String phrase(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** [from, to): the index's upper bound is inclusive, hence the millisecond off. */
    private static ArticleQuery query(
            @Nullable String scope, ArticleQuery.Filters filters, Instant from, Instant to, int size) {
        return new ArticleQuery(scope, null, from, to.minusMillis(1), 0, size, filters, ArticleQuery.Sort.NEWEST);
    }

    private static List<ReportContent.TopicCount> topicCounts(
            Report report, Map<String, String> names, Facets now, Facets before) {
        Map<String, Long> current = counts(now.topics());
        Map<String, Long> previous = counts(before.topics());
        Set<String> ids = new LinkedHashSet<>(report.topics());
        if (ids.isEmpty()) {
            ids.addAll(names.keySet());
            ids.addAll(current.keySet());
            ids.addAll(previous.keySet());
        }
        return ids.stream()
                .map(id -> new ReportContent.TopicCount(
                        id, name(names, id), current.getOrDefault(id, 0L), previous.getOrDefault(id, 0L)))
                .sorted(Comparator.comparingLong(ReportContent.TopicCount::count)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(ReportContent.TopicCount::previous)
                                .reversed())
                        .thenComparing(ReportContent.TopicCount::name))
                .toList();
    }

    private static Map<String, Long> counts(List<TermCount> terms) {
        Map<String, Long> counts = new java.util.HashMap<>();
        terms.forEach(t -> counts.put(t.term(), t.count()));
        return counts;
    }

    /** Spikes against the baseline that runs up to the period, keeping those inside it. */
    private List<Spike> spikes(List<String> topics, List<TrendBucket> buckets, Instant from) {
        List<Instant> times = buckets.stream().map(TrendBucket::time).toList();
        List<Spike> found = new ArrayList<>();
        for (String topic : topics) {
            List<Long> counts = buckets.stream()
                    .map(b -> b.topics().getOrDefault(topic, 0L))
                    .toList();
            spikes.detect(topic, times, counts).stream()
                    .filter(s -> !s.bucket().isBefore(from))
                    .forEach(found::add);
        }
        found.sort(Comparator.comparingDouble(Spike::score).reversed());
        return found;
    }

    /**
     * The most relevant recent articles: the strongest score among the report's topics (every
     * topic when it names none), weighted towards the end of the period.
     */
    private List<ReportContent.TopArticle> topArticles(
            Report report,
            @Nullable String scope,
            ArticleQuery.Filters filters,
            Instant from,
            Instant to,
            Map<String, String> names) {
        List<Article> candidates = search.search(query(scope, filters, from, to, CANDIDATES)).items().stream()
                .map(hit -> hit.article())
                .toList();
        double span = Math.max(1, Duration.between(from, to).toSeconds());
        record Ranked(Article article, double relevance, double rank) {}
        return candidates.stream()
                .map(a -> {
                    double relevance = relevance(a, report.topics());
                    Instant at = a.datedAt() == null ? from : a.datedAt();
                    double recency = Math.clamp(Duration.between(from, at).toSeconds() / span, 0.0, 1.0);
                    return new Ranked(a, relevance, (0.1 + relevance) * (0.5 + 0.5 * recency));
                })
                .sorted(Comparator.comparingDouble(Ranked::rank).reversed())
                .limit(TOP_ARTICLES)
                .map(r -> new ReportContent.TopArticle(
                        r.article().id(),
                        r.article().title(),
                        original(r.article()),
                        r.article().source(),
                        r.article().datedAt(),
                        r.relevance(),
                        r.article().topics().stream().map(t -> name(names, t)).toList(),
                        snippet(r.article().body())))
                .toList();
    }

    private static double relevance(Article article, List<String> topics) {
        return article.topicScores().entrySet().stream()
                .filter(e -> topics.isEmpty() || topics.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .max()
                .orElse(0);
    }

    /** The address of the original, if it is a web address (a link in an email should never be anything else). */
    private static @Nullable String original(Article article) {
        String url = article.canonicalUrl() != null ? article.canonicalUrl() : article.url();
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static String snippet(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        return text.length() <= 220 ? text : text.substring(0, 220) + "…";
    }

    private List<ReportContent.TopicTerms> emergingTerms(
            List<ReportContent.TopicCount> topics, Instant from, Instant to) {
        List<ReportContent.TopicTerms> terms = new ArrayList<>();
        for (ReportContent.TopicCount topic :
                topics.stream().filter(t -> t.count() >= 2).limit(TERM_TOPICS).toList()) {
            try {
                List<TermCount> found = stats.emergingTerms(from, to, topic.id(), 8);
                if (!found.isEmpty()) {
                    terms.add(new ReportContent.TopicTerms(topic.name(), found));
                }
            } catch (IndexUnavailableException e) {
                // a report without this section is still worth sending
                log.warn("Emerging terms of {} left out of the report: {}", topic.id(), e.getMessage());
            }
        }
        return terms;
    }

    private static List<String> silentSources(Facets now, Facets before) {
        Set<String> active = new HashSet<>();
        now.sources().forEach(s -> active.add(s.term()));
        return before.sources().stream()
                .map(TermCount::term)
                .filter(s -> !active.contains(s))
                .sorted()
                .toList();
    }

    private static String name(Map<String, String> names, String id) {
        String name = names.get(id);
        return name != null ? name : TopicNames.fallback(id);
    }
}
