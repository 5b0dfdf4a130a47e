package org.outpost.dashboard.ui.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders of the ECharts options the dashboard uses, so views do not spell out chart JSON. */
public final class ChartOptions {

    /** Lumo-friendly colours, one per topic in topic order. */
    public static final List<String> PALETTE = List.of(
            "#1676f3", "#e8590c", "#2f9e44", "#c2255c", "#7048e8", "#0c8599", "#f59f00", "#5c940d", "#868e96",
            "#d6336c");

    private ChartOptions() {}

    /**
     * A marked point of a series and what its tooltip says.
     *
     * @param tooltip HTML shown over the marker (the caller escapes what it did not write)
     */
    public record Mark(String category, String tooltip) {}

    /**
     * Counts per category over time, one series per topic, stacked bars or lines, with marked
     * points (spikes) per series.
     *
     * @param marks series name to the categories to mark in it
     */
    public static Map<String, Object> timeSeries(
            List<String> categories,
            Map<String, List<Long>> series,
            Map<String, String> names,
            boolean stacked,
            Map<String, List<String>> marks,
            String yAxisName) {
        Map<String, List<Mark>> withoutTooltips = new LinkedHashMap<>();
        marks.forEach((id, list) ->
                withoutTooltips.put(id, list.stream().map(c -> new Mark(c, "")).toList()));
        return timeSeriesMarked(categories, series, names, stacked, withoutTooltips, yAxisName);
    }

    /** The same, each marker with its own tooltip (a spike's numbers and articles). */
    public static Map<String, Object> timeSeriesMarked(
            List<String> categories,
            Map<String, List<Long>> series,
            Map<String, String> names,
            boolean stacked,
            Map<String, List<Mark>> marks,
            String yAxisName) {
        List<Object> seriesOptions = new ArrayList<>();
        for (Map.Entry<String, List<Long>> entry : series.entrySet()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", names.getOrDefault(entry.getKey(), entry.getKey()));
            s.put("id", entry.getKey());
            s.put("type", stacked ? "bar" : "line");
            if (stacked) {
                s.put("stack", "total");
                s.put("barMaxWidth", 28);
            } else {
                s.put("smooth", true);
                s.put("symbolSize", 6);
            }
            s.put("emphasis", Map.of("focus", "series"));
            s.put("data", entry.getValue());
            List<Mark> marked = marks.getOrDefault(entry.getKey(), List.of());
            if (!marked.isEmpty()) {
                List<Object> points = new ArrayList<>();
                for (Mark mark : marked) {
                    int i = categories.indexOf(mark.category());
                    if (i >= 0) {
                        Map<String, Object> point = new LinkedHashMap<>();
                        point.put(
                                "coord",
                                List.of(mark.category(), entry.getValue().get(i)));
                        point.put("value", org.outpost.dashboard.ui.i18n.Texts.get("chart.spike"));
                        if (!mark.tooltip().isEmpty()) {
                            // ECharts reads {a}, {b}… in a formatter string as templates: braces of a title stay text
                            point.put(
                                    "tooltip",
                                    Map.of(
                                            "formatter",
                                            mark.tooltip()
                                                    .replace("{", "&#123;")
                                                    .replace("}", "&#125;")));
                        }
                        points.add(point);
                    }
                }
                s.put(
                        "markPoint",
                        Map.of(
                                "symbol",
                                "pin",
                                "symbolSize",
                                44,
                                "data",
                                points,
                                "label",
                                Map.of("fontSize", 9),
                                "tooltip",
                                Map.of("trigger", "item")));
            }
            seriesOptions.add(s);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("color", PALETTE);
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", stacked ? "shadow" : "line")));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 48, "right", 16, "top", 24, "bottom", 56));
        option.put("xAxis", Map.of("type", "category", "data", categories, "axisTick", Map.of("alignWithLabel", true)));
        option.put(
                "yAxis",
                Map.of("type", "value", "name", yAxisName, "minInterval", 1, "nameTextStyle", Map.of("align", "left")));
        option.put("series", seriesOptions);
        return option;
    }

    /** Horizontal bars, largest on top: names with their counts. */
    public static Map<String, Object> ranking(List<String> labels, List<Long> counts, String color) {
        List<String> reversedLabels = new ArrayList<>(labels);
        List<Long> reversedCounts = new ArrayList<>(counts);
        java.util.Collections.reverse(reversedLabels);
        java.util.Collections.reverse(reversedCounts);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("grid", Map.of("left", 8, "right", 32, "top", 8, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put(
                "yAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        reversedLabels,
                        "axisLabel",
                        Map.of("width", 160, "overflow", "truncate")));
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "bar",
                        "data",
                        reversedCounts,
                        "itemStyle",
                        Map.of("color", color),
                        "label",
                        Map.of("show", true, "position", "right"),
                        "barMaxWidth",
                        18)));
        return option;
    }
}
