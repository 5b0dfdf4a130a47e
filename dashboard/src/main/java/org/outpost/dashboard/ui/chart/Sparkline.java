package org.outpost.dashboard.ui.chart;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;

/**
 * A tiny line with its area, drawn on the server as inline SVG. A chart library instance per
 * topic card (nine on the overview) cost the browser more than the rest of the page's drawing
 * together; a polyline costs nothing.
 */
public class Sparkline extends Div {

    static final int WIDTH = 100;
    static final int HEIGHT = 36;

    /** @param color a CSS color of ours (the topic palette), never user input */
    public Sparkline(List<Long> values, String color) {
        addClassName("sparkline");
        // innerHTML, not Element children: the browser's HTML parser puts <svg> in the SVG namespace
        getElement().setProperty("innerHTML", svg(values, color));
    }

    static String svg(List<Long> values, String color) {
        if (!color.matches("#[0-9a-fA-F]{3,8}")) {
            throw new IllegalArgumentException("not a colour: " + color);
        }
        String line = points(values);
        return "<svg viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" preserveAspectRatio=\"none\" width=\"100%\" height=\""
                + HEIGHT + "\" aria-hidden=\"true\">"
                + (line.isEmpty()
                        ? ""
                        : "<polygon points=\"0," + HEIGHT + " " + line + " " + WIDTH + "," + HEIGHT
                                + "\" fill=\"" + color + "\" fill-opacity=\"0.15\"/>"
                                + "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + color
                                + "\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\"/>")
                + "</svg>";
    }

    /** x spread over the width, y from 0 at the bottom to the largest value 2 px below the top. */
    static String points(List<Long> values) {
        if (values.isEmpty()) {
            return "";
        }
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder out = new StringBuilder();
        int n = values.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH / 2.0 : (double) i * WIDTH / (n - 1);
            double y = HEIGHT - 2 - (double) values.get(i) / max * (HEIGHT - 4);
            out.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return out.toString();
    }
}
