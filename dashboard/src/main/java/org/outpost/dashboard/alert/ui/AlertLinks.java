package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;

/**
 * The Alerts view's query parameters, written and read in one place: {@code ?query=&topics=&sources=&entities=&languages=}
 * pre-fill a new subscription (topics as {@code id} or {@code id:minScore}, each list as repeated
 * parameters); {@code ?subscription=<id>} opens one, {@code &mute=7d} (the link in emails) asks to mute it.
 */
final class AlertLinks {

    static final String QUERY = "query";
    static final String TOPICS = "topics";
    static final String SOURCES = "sources";
    static final String ENTITIES = "entities";
    static final String LANGUAGES = "languages";
    static final String SUBSCRIPTION = "subscription";
    static final String MUTE = "mute";

    private AlertLinks() {}

    /** A new subscription for this search; the exact-source filter, when set, joins the sources. */
    static QueryParameters newAlert(String query, @Nullable String source, ArticleQuery.Filters filters) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (!query.isBlank()) {
            p.put(QUERY, List.of(query.strip()));
        }
        if (!filters.topics().isEmpty()) {
            p.put(
                    TOPICS,
                    filters.topics().entrySet().stream()
                            .map(e -> e.getValue() > 0 ? e.getKey() + ":" + e.getValue() : e.getKey())
                            .sorted()
                            .toList());
        }
        List<String> sources = new ArrayList<>(filters.sources());
        if (source != null && !source.isBlank() && !sources.contains(source)) {
            sources.add(source);
        }
        put(p, SOURCES, sources);
        put(p, ENTITIES, filters.entities());
        put(p, LANGUAGES, filters.languages());
        return new QueryParameters(p);
    }

    /** The search named by the parameters, or null when they name none. */
    static @Nullable Prefill prefill(QueryParameters parameters) {
        Map<String, List<String>> p = parameters.getParameters();
        String query = p.getOrDefault(QUERY, List.of()).stream().findFirst().orElse("");
        Map<String, Double> topics = new LinkedHashMap<>();
        for (String t : p.getOrDefault(TOPICS, List.of())) {
            int colon = t.lastIndexOf(':');
            double min = 0;
            String id = t;
            if (colon > 0) {
                try {
                    min = Math.clamp(Double.parseDouble(t.substring(colon + 1)), 0, 1);
                    id = t.substring(0, colon);
                } catch (NumberFormatException e) {
                    // not a score: the whole value is the id
                }
            }
            if (!id.isBlank()) {
                topics.put(id, min);
            }
        }
        ArticleQuery.Filters filters = new ArticleQuery.Filters(
                topics,
                p.getOrDefault(SOURCES, List.of()),
                p.getOrDefault(ENTITIES, List.of()),
                p.getOrDefault(LANGUAGES, List.of()));
        return query.isBlank() && filters.isEmpty() ? null : new Prefill(query, filters);
    }

    record Prefill(String query, ArticleQuery.Filters filters) {}

    private static void put(Map<String, List<String>> p, String key, List<String> values) {
        if (!values.isEmpty()) {
            p.put(key, List.copyOf(values));
        }
    }
}
