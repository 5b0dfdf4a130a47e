package org.outpost.dashboard.map.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.router.QueryParameters;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.dashboard.map.MapData;
import org.outpost.dashboard.map.MapOptions;
import org.outpost.dashboard.map.MapShapes;
import org.outpost.dashboard.ui.DrillDown;
import org.outpost.dashboard.ui.Loading;
import org.outpost.dashboard.ui.chart.EChart;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The map of the region: countries and regions shaded by the articles naming them, places as markers. Its counts
 * are loaded in the background, on their own (the page's first answer never waits for the map); a click on a
 * shape or marker of a gazetteer entity hands that entity to the page. A page with live updates passes each new
 * article on, and the numbers move while the map is open.
 */
public class MapPanel extends Div {

    private final EChart chart = new EChart();
    private final Paragraph empty = new Paragraph(Texts.get("map.empty"));
    private final Loading loading = new Loading(Texts.get("map.loading"));
    private final MapShapes shapes = MapShapes.shipped();
    private final Gazetteer gazetteer = Gazetteer.defaults();
    private Map<String, Long> counts = new LinkedHashMap<>();
    private @Nullable String focus;
    /** The start of a period that runs to now: articles dated from then on join the counts; null when none do. */
    private @Nullable Instant liveFrom;

    private boolean loaded;

    /**
     * What a page counted: the period (and topic) whose articles a click on the map opens in Explore.
     *
     * @param topic the topic the page shows, or null for all
     */
    public record Scope(@Nullable String topic, Instant from, Instant to, ZoneId zone) {

        /** Explore with the articles of this scope that name the entity, as the pages' entity bars lead. */
        public QueryParameters explore(String entity) {
            String query = (topic == null ? "" : "topics:" + topic + " AND ") + "entities:\"" + entity + "\"";
            return DrillDown.exploreParameters(query, null, from, to, zone);
        }
    }

    private @Nullable Scope scope;

    /** A map whose clicks open Explore on the entity, within the period and topic it counted. */
    public MapPanel() {
        this(null);
    }

    /** A map whose clicks hand the entity to the page (Explore adds it to its filters). */
    public MapPanel(@Nullable SerializableConsumer<String> onEntity) {
        addClassName("map-panel");
        chart.addClassName("map-chart");
        chart.setHeight("440px");
        chart.getElement().setAttribute("map-src", shapes.address());
        // named from the start, so the browser fetches the shapes while this answer's other parts are drawn
        chart.getElement().setAttribute("map-name", shapes.mapName());
        chart.addClickListener(e -> {
            // a shape of the data set that is no gazetteer entity (a neighbour's province) leads nowhere
            if (!MapData.geographic(e.name())) {
                return;
            }
            if (onEntity != null) {
                onEntity.accept(e.name());
            } else if (scope != null) {
                UI.getCurrent().navigate("explore", scope.explore(e.name()));
            }
        });
        empty.addClassName("map-empty");
        empty.setVisible(false);
        loading.indicator().addClassName("map-loading");
        Paragraph note = new Paragraph(Texts.get("map.note"));
        note.addClassName("map-note");
        add(loading.indicator(), empty, chart, note);
    }

    /** Centres, zooms and outlines this typed entity ({@code ?at=}), or the region when null. */
    public void focus(@Nullable String entity) {
        this.focus = entity;
        if (loaded) {
            draw();
        }
    }

    /**
     * Counts in the background and draws them.
     *
     * @param counted the period and topic counted (a period that runs to now takes new articles in), or null when
     *     the page counts a search of its own (Explore)
     */
    public void load(UI ui, SerializableSupplier<Map<String, Long>> work, @Nullable Scope counted) {
        Instant now = Instant.now();
        loading.load(
                ui,
                work,
                loadedCounts -> {
                    this.counts = new LinkedHashMap<>(loadedCounts);
                    this.scope = counted;
                    this.liveFrom = counted != null && counted.to().isAfter(now) ? counted.from() : null;
                    this.loaded = true;
                    draw();
                },
                failure -> {
                    // the page's own panels say so when the index is away or slow; the map keeps what it showed
                    if (!(failure instanceof IndexUnavailableException)) { // a search timeout is one too
                        throw failure;
                    }
                });
    }

    /** The background count: its progress bar is the panel's own. */
    public Loading loading() {
        return loading;
    }

    /** Forgets a load under way (the page shows something else now). */
    public void cancel() {
        loading.cancel();
    }

    /** A new article of the page's filters: its countries, regions and places count one more. */
    public void arrived(Article article) {
        Instant dated = article.datedAt();
        if (!loaded || liveFrom == null || dated == null || dated.isBefore(liveFrom)) {
            return;
        }
        boolean changed = false;
        for (String entity : article.entities()) {
            if (MapData.geographic(entity)) {
                counts.merge(entity, 1L, Long::sum);
                changed = true;
            }
        }
        if (changed) {
            draw();
        }
    }

    private void draw() {
        MapData data = MapData.of(counts, shapes, gazetteer::position);
        empty.setVisible(data.empty());
        chart.setOption(MapOptions.of(data, shapes, Texts.locale(), focus, gazetteer::position));
    }
}
