package org.outpost.dashboard.overview.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.outpost.dashboard.overview.TopicSummary;
import org.outpost.dashboard.ui.chart.Sparkline;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/** One topic at a glance: its count, the change against the previous period, a sparkline. */
class TopicCard extends Div {

    TopicCard(TopicSummary summary, String color, String periodKey) {
        addClassName("topic-card");
        getElement().setAttribute("data-topic", summary.id());
        getElement().setAttribute("role", "link");
        getElement().setAttribute("tabindex", "0");
        getStyle().set("--topic-color", color);
        Span name = new Span(TopicNames.of(summary.id(), summary.name()));
        name.addClassName("topic-name");
        Span count = new Span(LocalFormat.number(summary.count(), Texts.locale()));
        count.addClassName("topic-count");
        Span change = new Span(change(summary, periodKey));
        change.addClassName("topic-change");
        if (summary.change() != null && summary.change() != 0) {
            change.addClassName(summary.change() > 0 ? "up" : "down");
        }
        add(name, count, change, new Sparkline(summary.series(), color));
    }

    static String change(TopicSummary summary, String periodKey) {
        String previous = Texts.get(
                switch (periodKey) {
                    case "24h", "7d", "30d", "90d" -> "card.previous." + periodKey;
                    default -> "card.previous.period";
                });
        if (summary.change() == null) {
            return Texts.get(summary.count() == 0 ? "card.noneInEither" : "card.newNoneBefore", previous);
        }
        long percent = Math.round(summary.change() * 100);
        return (percent > 0 ? "▲ +" : percent < 0 ? "▼ " : "")
                + Texts.get("card.change", percent, previous, summary.previous());
    }
}
