package org.outpost.dashboard.overview.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.outpost.dashboard.overview.TopicSummary;
import org.outpost.dashboard.ui.chart.Sparkline;

/** One topic at a glance: its count, the change against the previous period, a sparkline. */
class TopicCard extends Div {

    TopicCard(TopicSummary summary, String color, String periodKey) {
        addClassName("topic-card");
        getElement().setAttribute("data-topic", summary.id());
        getElement().setAttribute("role", "link");
        getElement().setAttribute("tabindex", "0");
        getStyle().set("--topic-color", color);
        Span name = new Span(summary.name());
        name.addClassName("topic-name");
        Span count = new Span(Long.toString(summary.count()));
        count.addClassName("topic-count");
        Span change = new Span(change(summary, periodKey));
        change.addClassName("topic-change");
        if (summary.change() != null && summary.change() != 0) {
            change.addClassName(summary.change() > 0 ? "up" : "down");
        }
        add(name, count, change, new Sparkline(summary.series(), color));
    }

    static String change(TopicSummary summary, String periodKey) {
        String previous = "previous " + switch (periodKey) {
            case "24h" -> "24 h";
            case "7d" -> "7 days";
            case "30d" -> "30 days";
            case "90d" -> "90 days";
            default -> "period";
        };
        if (summary.change() == null) {
            return summary.count() == 0 ? "none in this or the " + previous : "new: none in the " + previous;
        }
        long percent = Math.round(summary.change() * 100);
        return (percent > 0 ? "▲ +" : percent < 0 ? "▼ " : "") + percent + "% vs " + previous + " (" + summary.previous() + ")";
    }
}
