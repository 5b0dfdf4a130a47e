package org.outpost.dashboard.overview.ui;

import java.util.List;
import org.outpost.core.trend.Spike;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * What a spike marker of the volume chart says when pointed at: the numbers compared, the
 * comparison used, and the articles driving it.
 */
final class SpikeMarker {

    private SpikeMarker() {}

    /** HTML for the chart's tooltip; article titles come from crawled pages and are escaped. */
    static String tooltip(Spike spike, List<String> titles) {
        StringBuilder html = new StringBuilder("<b>")
                .append(escape(Texts.count(
                        "chart.spike.numbers",
                        spike.count(),
                        LocalFormat.decimal(spike.baseline(), Texts.locale()),
                        LocalFormat.decimal(spike.score(), Texts.locale()))))
                .append("</b><br>")
                .append(escape(Texts.get("chart.spike.compared")));
        for (String title : titles) {
            html.append("<br>• ").append(escape(title.length() > 90 ? title.substring(0, 89) + "…" : title));
        }
        return html.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
