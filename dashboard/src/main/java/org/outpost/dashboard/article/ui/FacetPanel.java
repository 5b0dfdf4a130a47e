package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.Facets;
import org.outpost.core.index.TermCount;
import org.outpost.dashboard.ui.i18n.LanguageNames;
import org.outpost.dashboard.ui.i18n.LocalFormat;

/**
 * Facets of a search: topics (with a minimum score), sources, entities and languages, each
 * value with its count among the current matches. Selected values stay listed even when a
 * narrower search no longer counts them, so they can be cleared.
 */
class FacetPanel extends Div {

    /** Minimum score → its bundle key. */
    private static final Map<Double, String> MIN_SCORES = new LinkedHashMap<>();

    static {
        MIN_SCORES.put(0.0, "facet.minScore.labelled");
        MIN_SCORES.put(0.6, "facet.minScore.06");
        MIN_SCORES.put(0.8, "facet.minScore.08");
    }

    final CheckboxGroup<String> topics = group("facet-topics");
    final Select<Double> minScore = new Select<>();
    final CheckboxGroup<String> sources = group("facet-sources");
    final CheckboxGroup<String> entities = group("facet-entities");
    final CheckboxGroup<String> languages = group("facet-languages");
    private final Map<CheckboxGroup<String>, Map<String, Long>> counts = new HashMap<>();
    private final Map<String, String> topicNames;
    private boolean updating;

    FacetPanel(Map<String, String> topicNames, Runnable changed) {
        this.topicNames = topicNames;
        addClassName("facet-panel");
        minScore.setItems(MIN_SCORES.keySet());
        minScore.setItemLabelGenerator(score -> getTranslation(MIN_SCORES.get(score)));
        minScore.setValue(0.0);
        minScore.setAriaLabel(getTranslation("facet.minScore"));
        minScore.addClassName("facet-min-score");
        topics.setItemLabelGenerator(id -> label(topics, id, topicNames.getOrDefault(id, id)));
        sources.setItemLabelGenerator(value -> label(sources, value, value));
        entities.setItemLabelGenerator(value -> label(entities, value, EntityNames.label(value, getLocale())));
        languages.setItemLabelGenerator(value -> label(languages, value, LanguageNames.of(value, getLocale())));
        for (var group : List.of(topics, sources, entities, languages)) {
            group.addValueChangeListener(e -> {
                if (!updating) {
                    changed.run();
                }
            });
        }
        minScore.addValueChangeListener(e -> {
            if (!updating && !topics.getValue().isEmpty()) {
                changed.run();
            }
        });
        add(
                new H4(getTranslation("facet.topics")),
                minScore,
                topics,
                new H4(getTranslation("facet.sources")),
                sources,
                new H4(getTranslation("facet.entities")),
                entities,
                new H4(getTranslation("facet.languages")),
                languages);
    }

    /** The selections as search filters. */
    ArticleQuery.Filters filters() {
        Map<String, Double> selected = new LinkedHashMap<>();
        double min = minScore.getValue() == null ? 0.0 : minScore.getValue();
        topics.getValue().forEach(topic -> selected.put(topic, min));
        return new ArticleQuery.Filters(
                selected,
                List.copyOf(sources.getValue()),
                List.copyOf(entities.getValue()),
                List.copyOf(languages.getValue()));
    }

    /** New counts for the current matches; selections are kept. */
    void show(Facets facets) {
        updating = true;
        try {
            fill(topics, facets.topics());
            fill(sources, facets.sources());
            fill(entities, facets.entities());
            fill(languages, facets.languages());
        } finally {
            updating = false;
        }
    }

    /** Selects values given in the URL, without triggering a search per value. */
    void select(
            Set<String> topicValues, Set<String> sourceValues, Set<String> entityValues, Set<String> languageValues) {
        updating = true;
        try {
            preselect(topics, topicValues);
            preselect(sources, sourceValues);
            preselect(entities, entityValues);
            preselect(languages, languageValues);
        } finally {
            updating = false;
        }
    }

    private void fill(CheckboxGroup<String> group, List<TermCount> values) {
        Map<String, Long> byValue = new LinkedHashMap<>();
        values.forEach(v -> byValue.put(v.term(), v.count()));
        counts.put(group, byValue);
        Set<String> selected = new LinkedHashSet<>(group.getValue());
        List<String> items = new ArrayList<>(byValue.keySet());
        selected.stream().filter(s -> !byValue.containsKey(s)).forEach(items::add);
        group.setItems(items);
        group.setValue(selected);
        group.setVisible(!items.isEmpty());
    }

    private static void preselect(CheckboxGroup<String> group, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>(values);
        group.setItems(items);
        group.setValue(values);
    }

    private String label(CheckboxGroup<String> group, String value, String name) {
        Long count = counts.getOrDefault(group, Map.of()).get(value);
        return count == null ? name : name + " (" + LocalFormat.number(count, getLocale()) + ")";
    }

    private static CheckboxGroup<String> group(String className) {
        CheckboxGroup<String> group = new CheckboxGroup<>();
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.addClassName(className);
        return group;
    }
}
