package org.outpost.dashboard.topic.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.dashboard.map.MapCounts;
import org.outpost.dashboard.map.ui.MapPanel;
import org.outpost.dashboard.overview.Period;
import org.outpost.dashboard.topic.TopicData;
import org.outpost.dashboard.topic.TopicService;
import org.outpost.dashboard.ui.FirstAnswer;
import org.outpost.dashboard.ui.Loading;
import org.outpost.dashboard.ui.MainLayout;
import org.outpost.dashboard.ui.PageMessage;
import org.outpost.dashboard.ui.Panels;
import org.outpost.dashboard.ui.PeriodState;
import org.outpost.dashboard.ui.chart.ChartOptions;
import org.outpost.dashboard.ui.chart.EChart;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/**
 * One topic: what it covers, how much was reported over the period, who and what it is about,
 * which words stand out, and its latest articles. The period lives in the URL ({@code ?range=})
 * so a view can be shared; every bar, name and term opens the articles behind it in Explore.
 */
@Route(value = "topics/:id", layout = MainLayout.class)
@PermitAll
public class TopicView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TopicService topics;
    private final PeriodState period = new PeriodState(Period.DEFAULT, false, this::reload);
    private final EChart trend = new EChart();
    private final PageMessage message = new PageMessage("topic-message");
    private final MapPanel map = new MapPanel();
    private final MapCounts maps;
    private final FirstAnswer first;
    private final Div entities = new Div();
    private final Div sources = new Div();
    private final Div terms = new Div();
    private final Div latest = new Div();
    /** Emerging terms (significant_text) and the other aggregations take a while: in the background, with a progress bar. */
    final Loading loading = new Loading(Texts.get("topic.loading"));

    private @Nullable TopicDefinition topic;
    private @Nullable TopicData data;
    private String title = "";

    TopicView(TopicService topics, MapCounts maps, FirstAnswer first) {
        this.topics = topics;
        this.first = first;
        this.maps = maps;
        addClassName("topic-view");
        trend.addClassName("topic-trend");
        trend.setHeight("300px");
        trend.addClickListener(this::drillIntoBucket);
        entities.addClassName("topic-entities");
        sources.addClassName("topic-sources");
        terms.addClassName("topic-terms");
        latest.addClassName("topic-latest");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        loading.cancel();
        map.cancel();
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        topic = topics.topic(id).orElse(null);
        if (topic == null) {
            title = getTranslation("topic.notFound");
            H2 heading = new H2(title);
            Paragraph text = new Paragraph(getTranslation("topic.notFound.detail", id) + " ");
            text.add(new Anchor("", getTranslation("topic.notFound.overview")));
            add(heading, text);
            return;
        }
        title = TopicNames.of(topic.id(), topic.name(), getLocale());
        period.restore(event.getUI(), event.getLocation().getQueryParameters());
        loading.indicator().addClassName("topic-loading");
        add(
                header(topic),
                loading.indicator(),
                message,
                panel(getTranslation("topic.overTime"), "topic-trend-panel", trend),
                panel(getTranslation("map.title"), "topic-map-panel", map),
                Panels.row(
                        panel(getTranslation("overview.topEntities"), "topic-entities-panel", entities),
                        panel(getTranslation("overview.topSources"), "topic-sources-panel", sources)),
                panel(getTranslation("topic.emerging"), "topic-terms-panel", explanation(), terms),
                panel(getTranslation("overview.latest"), "topic-latest-panel", latest));
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", title.isEmpty() ? getTranslation("overview.topic") : title);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // buckets start at midnight where the reader is, as on the overview
        period.followReader(event.getUI());
    }

    private Div header(TopicDefinition definition) {
        H2 name = new H2(TopicNames.of(definition.id(), definition.name(), getLocale()));
        name.addClassName("view-title");
        Paragraph description = new Paragraph(definition.description());
        description.addClassName("topic-description");
        Div text = new Div(name, description);
        Div header = new Div(text, period.range());
        header.addClassName("topic-header");
        return header;
    }

    private static Paragraph explanation() {
        Paragraph line = new Paragraph(Texts.get("topic.emerging.what"));
        line.addClassName("topic-hint");
        return line;
    }

    private void reload() {
        TopicDefinition shown = topic;
        if (shown == null) {
            return;
        }
        Period days = Period.of(period.key(), null, null, period.zone(), Instant.now());
        ZoneId at = period.zone();
        loading.load(UI.getCurrent(), () -> topics.load(shown.id(), days, at), d -> draw(shown, d), message::failed);
        // on its own: the page's first answer does not wait for the map
        map.load(
                UI.getCurrent(),
                () -> maps.period(days.from(), days.to(), shown.id()),
                new MapPanel.Scope(shown.id(), days.from(), days.to(), at));
        first.include(UI.getCurrent(), loading, map.loading());
    }

    private void draw(TopicDefinition shown, TopicData d) {
        data = d;
        if (d.total() == 0) {
            message.show(getTranslation("topic.empty"), false);
        } else {
            message.setVisible(false);
        }
        drawTrend(shown, d);
        drawRanked(
                entities,
                d.entities().stream()
                        .map(t -> new Ranked(
                                org.outpost.dashboard.article.ui.EntityNames.label(t.term(), getLocale()),
                                t.count(),
                                explore(topicQuery() + " AND entities:\"" + t.term() + "\"", null, d.period())))
                        .toList(),
                "topic-entity",
                getTranslation("topic.noEntities"));
        drawRanked(
                sources,
                d.sources().stream()
                        .map(t -> new Ranked(t.term(), t.count(), explore(topicQuery(), t.term(), d.period())))
                        .toList(),
                "topic-source",
                getTranslation("overview.noSources"));
        drawTerms(d);
        drawLatest(d);
    }

    private void drawTrend(TopicDefinition shown, TopicData d) {
        List<String> categories = d.buckets().stream()
                .map(b -> period.bucketLabel(b, d.period().interval()))
                .toList();
        trend.setOption(ChartOptions.timeSeries(
                categories,
                Map.of(shown.id(), d.counts()),
                Map.of(shown.id(), TopicNames.of(shown.id(), shown.name(), getLocale())),
                true,
                Map.of(),
                getTranslation("overview.seriesUnit")));
    }

    /** A name with its count and a bar for its share of the largest, linking to its articles. */
    private record Ranked(String label, long count, String href) {}

    private static void drawRanked(Div list, List<Ranked> items, String className, String empty) {
        list.removeAll();
        if (items.isEmpty()) {
            list.add(hint(empty));
        }
        long max = items.stream().mapToLong(Ranked::count).max().orElse(1);
        for (Ranked item : items) {
            Anchor link = new Anchor(item.href(), item.label());
            link.addClassName("ranked-name");
            link.getElement().setAttribute("title", item.label()); // long names are cut to fit the column
            Div fill = new Div();
            fill.addClassName("ranked-fill");
            fill.setWidth(Math.round(100.0 * item.count() / max) + "%");
            Div bar = new Div(fill);
            bar.addClassName("ranked-bar");
            Span count = new Span(LocalFormat.number(item.count(), Texts.locale()));
            count.addClassName("count");
            Div row = new Div(link, bar, count);
            row.addClassName("ranked-row");
            row.addClassName(className);
            list.add(row);
        }
    }

    private void drawTerms(TopicData d) {
        terms.removeAll();
        if (d.emergingTerms().isEmpty()) {
            terms.add(hint(getTranslation("topic.fewArticles")));
        }
        for (var term : d.emergingTerms()) {
            Anchor chip =
                    new Anchor(explore(topicQuery() + " AND \"" + term.term() + "\"", null, d.period()), term.term());
            chip.addClassName("chip");
            chip.addClassName("term-chip");
            chip.getElement().setAttribute("title", Texts.count("explore.articles", term.count()));
            terms.add(chip);
        }
    }

    private void drawLatest(TopicData d) {
        latest.removeAll();
        if (d.latest().isEmpty()) {
            latest.add(hint(getTranslation("topic.noArticles")));
        }
        for (var hit : d.latest()) {
            var article = hit.article();
            // the title is text in an anchor: crawled markup never reaches the page as HTML
            Anchor link = new Anchor("articles/" + article.id(), article.title());
            link.addClassName("latest-title");
            Instant when = article.datedAt();
            Span meta = new Span(article.source()
                    + (when == null ? "" : " · " + LocalFormat.dateTime(when, period.zone(), getLocale())));
            meta.addClassName("latest-meta");
            Div row = new Div(link, meta);
            row.addClassName("topic-article");
            latest.add(row);
        }
    }

    private void drillIntoBucket(EChart.ClickEvent e) {
        if (data == null || e.dataIndex() < 0 || e.dataIndex() >= data.buckets().size()) {
            return;
        }
        LocalDate day = data.buckets().get(e.dataIndex()).atZone(period.zone()).toLocalDate();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", topicQuery());
        params.put("from", day.toString());
        params.put("to", day.toString());
        UI.getCurrent().navigate("explore", QueryParameters.simple(params));
    }

    private String topicQuery() {
        return "topics:" + (topic == null ? "" : topic.id());
    }

    /** Explore with the query, source and the period's days (Explore filters by whole days). */
    private String explore(String query, @Nullable String source, Period days) {
        return org.outpost.dashboard.ui.DrillDown.explore(query, source, days.from(), days.to(), period.zone());
    }

    private static Span hint(String text) {
        Span span = new Span(text);
        span.addClassName("topic-hint");
        return span;
    }

    private static Div panel(String title, String className, Component... content) {
        Div panel = Panels.panel(title, content);
        panel.addClassName(className);
        return panel;
    }
}
