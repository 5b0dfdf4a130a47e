package org.outpost.dashboard.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.outpost.core.entity.geo.GeoPoint;
import org.outpost.dashboard.article.ui.EntityNames;
import org.outpost.dashboard.ui.chart.ChartOptions;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The ECharts option of the map: a {@code geo} component with the shipped shapes (each country and region shaded
 * by its articles, a tooltip with its name in the reader's language and the count) and a {@code scatter} series
 * of the places on it (a marker sized by articles). Shading is a colour's opacity, so it reads on the light and the
 * dark theme alike. Every shape and marker is named by its typed entity: a click says which one.
 */
public final class MapOptions {

    /** The region and its neighbours at first: Central Asia in the middle, Xinjiang and Iran at the edges. */
    static final GeoPoint REGION = new GeoPoint(40.5, 67.5);

    static final double REGION_ZOOM = 1.3;
    /** How close an {@code ?at=} entity opens: a town shows its streets' worth, an enclave its outline. */
    static final double PLACE_ZOOM = 14;

    static final double REGION_SHAPE_ZOOM = 5;
    static final double COUNTRY_ZOOM = 2.5;

    static final String AREA = ChartOptions.PALETTE.get(0);
    static final String MARKER = ChartOptions.PALETTE.get(1);
    static final String FOCUS = ChartOptions.PALETTE.get(3);
    /** Markers named on the map itself, besides the tooltip: the most named places. */
    static final int LABELLED = 6;

    private MapOptions() {}

    /**
     * @param focus a typed entity to centre on, zoom to and outline ({@code ?at=}), or null for the region
     * @param positions a typed entity's position
     */
    public static Map<String, Object> of(
            MapData data,
            MapShapes shapes,
            Locale locale,
            @Nullable String focus,
            Function<String, Optional<GeoPoint>> positions) {
        long areaMax =
                data.areas().stream().mapToLong(MapData.Area::count).max().orElse(0);
        long markerMax =
                data.markers().stream().mapToLong(MapData.Marker::count).max().orElse(0);
        List<Object> regions = new ArrayList<>();
        for (MapData.Area area : data.areas()) {
            MapShapes.Shape shape = area.shape();
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("name", shape.key());
            Map<String, Object> style = new LinkedHashMap<>();
            if (area.count() > 0) {
                style.put("areaColor", rgba(AREA, 0.2 + 0.65 * scale(area.count(), areaMax)));
            }
            if (shape.entity() != null && shape.entity().equals(focus)) {
                style.put("borderColor", FOCUS);
                style.put("borderWidth", 2.5);
            }
            if (!style.isEmpty()) {
                region.put("itemStyle", style);
            }
            String name = shape.entity() == null ? shape.name() : EntityNames.label(shape.entity(), locale);
            region.put("tooltip", Map.of("formatter", tooltip(name, area.count(), shape.entity() != null, locale)));
            regions.add(region);
        }
        List<Object> points = new ArrayList<>();
        int labelled = 0;
        for (MapData.Marker marker : data.markers()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("name", marker.entity());
            point.put("value", List.of(marker.at().lon(), marker.at().lat(), marker.count()));
            point.put("symbolSize", Math.round(7 + 19 * Math.sqrt(marker.count() / (double) Math.max(1, markerMax))));
            String label = EntityNames.label(marker.entity(), locale);
            point.put("tooltip", Map.of("formatter", tooltip(label, marker.count(), true, locale)));
            boolean focused = marker.entity().equals(focus);
            if (focused || labelled++ < LABELLED) {
                point.put(
                        "label",
                        Map.of(
                                "show",
                                true,
                                "position",
                                "right",
                                "fontSize",
                                11,
                                "formatter",
                                // canvas text, not HTML: only the template's braces are taken out
                                EntityNames.name(marker.entity(), locale)
                                        .replace('{', '(')
                                        .replace('}', ')')));
            }
            if (focused) {
                point.put("itemStyle", Map.of("color", FOCUS, "borderColor", "#ffffff", "borderWidth", 2));
            }
            points.add(point);
        }
        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("map", shapes.mapName());
        geo.put("nameProperty", "key");
        geo.put("roam", true);
        geo.put("scaleLimit", Map.of("min", 0.8, "max", 80));
        View view = view(focus, shapes, positions);
        geo.put("center", List.of(view.center().lon(), view.center().lat()));
        geo.put("zoom", view.zoom());
        geo.put("selectedMode", false);
        geo.put("label", Map.of("show", false));
        geo.put(
                "itemStyle",
                Map.of(
                        "areaColor",
                        "rgba(128,128,128,0.10)",
                        "borderColor",
                        "rgba(128,128,128,0.65)",
                        "borderWidth",
                        0.6));
        // the shapes' names are keys (entities), not text for a reader: no label on hover either
        geo.put("emphasis", Map.of("label", Map.of("show", false), "itemStyle", Map.of("areaColor", rgba(AREA, 0.45))));
        geo.put("tooltip", Map.of("show", true));
        geo.put("regions", regions);
        Map<String, Object> places = new LinkedHashMap<>();
        places.put("type", "scatter");
        places.put("id", "places");
        places.put("coordinateSystem", "geo");
        places.put("geoIndex", 0);
        places.put("data", points);
        places.put(
                "itemStyle",
                Map.of("color", MARKER, "opacity", 0.85, "borderColor", "rgba(255,255,255,0.8)", "borderWidth", 1));
        places.put("emphasis", Map.of("scale", 1.3));
        places.put("zlevel", 1);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("geo", geo);
        option.put("series", List.of(places));
        return option;
    }

    record View(GeoPoint center, double zoom) {}

    /** Where the map opens: on the focused entity when it has a position, else on the region. */
    static View view(@Nullable String focus, MapShapes shapes, Function<String, Optional<GeoPoint>> positions) {
        if (focus == null) {
            return new View(REGION, REGION_ZOOM);
        }
        Optional<GeoPoint> at = positions.apply(focus);
        if (at.isEmpty()) {
            return new View(REGION, REGION_ZOOM);
        }
        double zoom = focus.startsWith("country:")
                ? COUNTRY_ZOOM
                : focus.startsWith("region:") && shapes.of(focus).isPresent() ? REGION_SHAPE_ZOOM : PLACE_ZOOM;
        return new View(at.get(), zoom);
    }

    /** 0..1 on a log scale: one article shows, and the most named does not wash out the rest. */
    static double scale(long count, long max) {
        return max <= 1 ? 1 : Math.log1p(count) / Math.log1p(max);
    }

    static String rgba(String hex, double alpha) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return "rgba(" + (rgb >> 16 & 0xff) + "," + (rgb >> 8 & 0xff) + "," + (rgb & 0xff) + ","
                + String.format(Locale.ROOT, "%.2f", alpha) + ")";
    }

    private static String tooltip(String name, long count, boolean counted, Locale locale) {
        String text = escape(name);
        if (counted) {
            text += "<br>" + escape(Texts.count(locale, "map.articles", count));
        }
        return template(text);
    }

    /** ECharts reads {a}, {b}… in a formatter string as templates: a name's braces stay text. */
    private static String template(String text) {
        return text.replace("{", "&#123;").replace("}", "&#125;");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
