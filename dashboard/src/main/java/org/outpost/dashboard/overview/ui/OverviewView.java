package org.outpost.dashboard.overview.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.TermCount;
import org.outpost.core.trend.Spike;
import org.outpost.dashboard.live.ArticleFeed;
import org.outpost.dashboard.map.MapCounts;
import org.outpost.dashboard.map.MapData;
import org.outpost.dashboard.map.ui.MapPanel;
import org.outpost.dashboard.overview.OverviewData;
import org.outpost.dashboard.overview.OverviewService;
import org.outpost.dashboard.overview.Period;
import org.outpost.dashboard.overview.TopicSummary;
import org.outpost.dashboard.ui.DrillDown;
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
 * What is being reported, at a glance: volume per topic over time with spikes marked, one card
 * per topic with its change against the previous period, top entities and sources, and the
 * latest articles, which new ones join while the page is open. Range, topic and chart mode live
 * in the URL, so a view can be shared; every bar, card and name opens the articles behind it.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(order = 0, icon = "vaadin:dashboard", title = "Overview")
@PermitAll
public class OverviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final OverviewService overview;
    private final ArticleFeed feed;
    private final PeriodState period = new PeriodState(Period.DEFAULT, true, this::reload);
    private final Select<String> topic = new Select<>();
    private final Select<String> mode = new Select<>();
    private final Span status = new Span();
    private final Anchor topicPage = new Anchor("", "");
    private final FlexLayout cards = new FlexLayout();
    private final EChart volume = new EChart();
    private final EChart entities = new EChart();
    private final VerticalLayout sources = new VerticalLayout();
    private final VerticalLayout latest = new VerticalLayout();
    private final PageMessage message = new PageMessage("overview-message");
    private final MapPanel map = new MapPanel();
    private final MapCounts maps;
    private final FirstAnswer first;
    /** The overview's aggregations take a while on a big index: they run in the background, with a progress bar. */
    final Loading loading = new Loading(Texts.get("overview.loading"));

    private final Map<String, String> names;
    private @Nullable OverviewData data;
    private @Nullable Runnable unsubscribe;
    private int arrived;

    OverviewView(OverviewService overview, ArticleFeed feed, MapCounts maps, FirstAnswer first) {
        this.overview = overview;
        this.first = first;
        this.feed = feed;
        this.maps = maps;
        this.names = TopicNames.of(overview.topicNames());
        addClassName("overview-view");
        configureFilters();
        volume.addClassName("volume-chart");
        volume.setHeight("340px");
        volume.addClickListener(this::drillIntoBucket);
        entities.addClassName("entities-chart");
        entities.setHeight("300px");
        entities.addClickListener(e -> explore(entityQuery(e.name()), null));
        cards.addClassName("topic-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        sources.addClassName("top-sources");
        latest.addClassName("latest-articles");
        latest.setPadding(false);
        loading.indicator().addClassName("overview-loading");
        add(
                header(),
                loading.indicator(),
                message,
                cards,
                Panels.panel(getTranslation("overview.volume"), volume),
                Panels.panel(getTranslation("map.title"), map),
                Panels.row(
                        Panels.panel(getTranslation("overview.topEntities"), entities),
                        Panels.panel(getTranslation("overview.topSources"), sources)),
                Panels.panel(getTranslation("overview.latest"), status, latest));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        period.restore(event.getUI(), q, () -> {
            topic.setValue(
                    q.getSingleParameter("topic").filter(names::containsKey).orElse(""));
            mode.setValue(
                    q.getSingleParameter("mode").filter(m -> m.equals("lines")).orElse("stacked"));
        });
        // ?at=place:Vorukh: the map opens on that entity (alerts link there)
        map.focus(q.getSingleParameter("at").filter(MapData::geographic).orElse(null));
        reload();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        period.followReader(ui);
        unsubscribe = feed.subscribe(article -> ui.access(() -> arrived(article)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void configureFilters() {
        List<String> topics = new ArrayList<>();
        topics.add("");
        topics.addAll(names.keySet());
        topic.setLabel(getTranslation("overview.topic"));
        topic.setItems(topics);
        topic.setItemLabelGenerator(
                id -> id.isEmpty() ? getTranslation("overview.allTopics") : names.getOrDefault(id, id));
        mode.setLabel(getTranslation("overview.chart"));
        mode.setItems("stacked", "lines");
        mode.setItemLabelGenerator(
                m -> getTranslation(m.equals("stacked") ? "overview.chart.stacked" : "overview.chart.lines"));
        period.alsoInAddress(this::addressParameters, topic, mode);
        topic.addClassName("topic-select");
    }

    private Div header() {
        H2 title = new H2(getTranslation("nav.overview"));
        title.addClassName("view-title");
        topicPage.addClassName("topic-page-link");
        FlexLayout filters = new FlexLayout(period.range(), period.fromDay(), period.toDay(), topic, mode, topicPage);
        filters.addClassName("filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        Div header = new Div(title, filters);
        header.addClassName("overview-header");
        return header;
    }

    /** The topic and chart mode, which the address keeps beside the period. */
    private Map<String, String> addressParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        if (!topic.getValue().isEmpty()) {
            params.put("topic", topic.getValue());
        }
        if (mode.getValue().equals("lines")) {
            params.put("mode", "lines");
        }
        return params;
    }

    private void reload() {
        String chosen = topic.getValue();
        topicPage.setVisible(chosen != null && !chosen.isEmpty());
        if (chosen != null && !chosen.isEmpty()) {
            topicPage.setHref("topics/" + chosen + "?range=" + period.preset());
            topicPage.setText(getTranslation("overview.topicPage", names.getOrDefault(chosen, chosen)));
        }
        Period shown;
        try {
            shown = Period.of(period.key(), period.from(), period.to(), period.zone(), Instant.now());
        } catch (IllegalArgumentException e) {
            loading.cancel();
            map.cancel();
            message.show(getTranslation("overview.chooseDays"), false);
            return;
        }
        String chosenTopic = topic.getValue().isEmpty() ? null : topic.getValue();
        ZoneId at = period.zone();
        loading.load(
                UI.getCurrent(),
                () -> overview.load(shown, chosenTopic, at),
                loaded -> {
                    data = loaded;
                    arrived = 0;
                    draw(loaded);
                },
                message::failed);
        // on its own: the page's first answer does not wait for the map
        map.load(
                UI.getCurrent(),
                () -> maps.period(shown.from(), shown.to(), chosenTopic),
                new MapPanel.Scope(chosenTopic, shown.from(), shown.to(), at));
        first.include(UI.getCurrent(), loading, map.loading());
    }

    private void draw(OverviewData d) {
        if (d.total() == 0) {
            message.show(getTranslation("overview.empty"), false);
        } else {
            message.setVisible(false);
        }
        drawCards(d);
        drawVolume(d);
        drawEntities(d.entities());
        drawSources(d.sources());
        drawLatest(d.latest());
    }

    private void drawCards(OverviewData d) {
        cards.removeAll();
        int colour = 0;
        for (TopicSummary summary : d.topics()) {
            String color = ChartOptions.PALETTE.get(colour++ % ChartOptions.PALETTE.size());
            TopicCard card = new TopicCard(summary, color, d.period().key());
            card.addClickListener(e -> explore("topics:" + summary.id(), d));
            cards.add(card);
        }
    }

    private void drawVolume(OverviewData d) {
        List<String> categories = d.buckets().stream()
                .map(b -> period.bucketLabel(b, d.period().interval()))
                .toList();
        Map<String, List<ChartOptions.Mark>> marks = new LinkedHashMap<>();
        for (Spike spike : d.spikes()) {
            marks.computeIfAbsent(spike.topic(), k -> new ArrayList<>())
                    .add(new ChartOptions.Mark(
                            period.bucketLabel(spike.bucket(), d.period().interval()),
                            SpikeMarker.tooltip(spike, d.spikeArticles().getOrDefault(spike, List.of()))));
        }
        volume.setOption(ChartOptions.timeSeriesMarked(
                categories,
                d.seriesByTopic(),
                names,
                "stacked".equals(mode.getValue()),
                marks,
                getTranslation("overview.seriesUnit")));
    }

    private void drawEntities(List<TermCount> top) {
        entities.setOption(ChartOptions.ranking(
                top.stream()
                        .map(t -> org.outpost.dashboard.article.ui.EntityNames.label(t.term()))
                        .toList(),
                top.stream().map(TermCount::count).toList(),
                ChartOptions.PALETTE.get(4)));
        entityTerms = top.stream().map(TermCount::term).toList();
    }

    private List<String> entityTerms = List.of();

    private String entityQuery(String label) {
        return entityTerms.stream()
                .filter(t ->
                        org.outpost.dashboard.article.ui.EntityNames.label(t).equals(label))
                .findFirst()
                .map(t -> "entities:\"" + t + "\"")
                .orElse("\"" + label + "\"");
    }

    private void drawSources(List<TermCount> top) {
        sources.removeAll();
        if (top.isEmpty()) {
            sources.add(new Paragraph(getTranslation("overview.noSources")));
        }
        for (TermCount source : top) {
            Anchor link = new Anchor(
                    DrillDown.explore(
                            null,
                            source.term(),
                            data == null ? null : data.period().from(),
                            data == null ? null : data.period().to(),
                            period.zone()),
                    source.term());
            Span count = new Span(LocalFormat.number(source.count(), getLocale()));
            count.addClassName("count");
            Div row = new Div(link, count);
            row.addClassName("source-row");
            sources.add(row);
        }
    }

    private void drawLatest(List<ArticleHit> hits) {
        latest.removeAll();
        status.setText(hits.isEmpty() ? "" : getTranslation("overview.latestHint"));
        for (ArticleHit hit : hits) {
            latest.add(new LatestArticle(hit.article(), false, names, period.zone()));
        }
    }

    /** A new article while the page is open: at the top of the list, marked as new. */
    private void arrived(Article article) {
        if (data == null || (!topic.getValue().isEmpty() && !article.topics().contains(topic.getValue()))) {
            return;
        }
        arrived++;
        map.arrived(article);
        latest.addComponentAsFirst(new LatestArticle(article, true, names, period.zone()));
        status.setText(Texts.count("overview.arrived", arrived));
        status.addClassName("live-status");
    }

    private void drillIntoBucket(EChart.ClickEvent e) {
        if (data == null || e.dataIndex() < 0 || e.dataIndex() >= data.buckets().size()) {
            return;
        }
        Instant bucket = data.buckets().get(e.dataIndex());
        LocalDate day = bucket.atZone(period.zone()).toLocalDate();
        String id = names.entrySet().stream()
                .filter(n -> n.getValue().equals(e.seriesName()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        Map<String, String> params = new LinkedHashMap<>();
        if (id != null) {
            params.put("q", "topics:" + id);
        }
        params.put("from", day.toString());
        params.put("to", day.toString());
        UI.getCurrent().navigate("explore", QueryParameters.simple(params));
    }

    private void explore(String query, @Nullable OverviewData d) {
        UI.getCurrent()
                .navigate(
                        "explore",
                        DrillDown.exploreParameters(
                                query,
                                null,
                                d == null ? null : d.period().from(),
                                d == null ? null : d.period().to(),
                                period.zone()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.overview"));
    }
}
