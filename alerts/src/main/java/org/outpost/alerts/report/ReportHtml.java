package org.outpost.alerts.report;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.HtmlText;
import org.outpost.alerts.ReaderTexts;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.index.TermCount;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.net.WebLinks;
import org.outpost.core.trend.Spike;

/**
 * A report as XHTML: well-formed so the PDF renderer can read the stored copy, styles inline
 * or in the head (what email clients keep), the chart as an image whose source the caller
 * chooses (a {@code cid:} reference in email, a {@code data:} URI in the stored copy). Written in
 * the reader's language ({@link ReportContent#locale()}); the PDF renders the same XHTML.
 */
final class ReportHtml {

    private static final String STYLE = """
            body { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; color: #111827; font-size: 14px; margin: 0; padding: 16px; }
            h1 { font-size: 22px; margin: 0 0 4px 0; }
            h2 { font-size: 17px; margin: 24px 0 8px 0; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
            .meta { color: #4b5563; margin: 2px 0; }
            table { border-collapse: collapse; }
            th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid #f3f4f6; vertical-align: top; }
            td.num, th.num { text-align: right; }
            .up { color: #b91c1c; } .down { color: #15803d; }
            .article { margin: 0 0 12px 0; }
            .article-title { font-weight: bold; }
            .small { color: #6b7280; font-size: 12px; }
            .empty { color: #6b7280; font-style: italic; }
            a { color: #1d4ed8; }
            """;

    private ReportHtml() {}

    /**
     * @param chartSrc where the chart image comes from: {@code cid:...} or {@code data:image/png;base64,...}
     * @param mapSrc where the places map comes from, the same way; null for a report with no places to show
     */
    static String render(ReportContent c, String chartSrc, @Nullable String mapSrc, URI publicUrl) {
        ReaderTexts t = ReaderTexts.of(c.locale());
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(t.locale().getLanguage())
                .append("\"><head>")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />")
                .append("<title>")
                .append(esc(c.reportName()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        header(h, c, t);
        topics(h, c, t);
        image(
                h,
                t.get("report.trend"),
                chartSrc,
                TrendChart.WIDTH,
                TrendChart.HEIGHT,
                t.get(c.interval() == TrendInterval.HOUR ? "report.trend.alt.hour" : "report.trend.alt.day"));
        spikes(h, c, t);
        articles(h, c, t, publicUrl);
        if (mapSrc != null) {
            map(h, mapSrc, t);
        }
        entities(h, c, t);
        terms(h, c, t);
        silent(h, c, t);
        String reports = link(publicUrl, "/reports");
        h.append("<p class=\"small\">")
                .append(t.get("report.footer.html", "<a href=\"" + esc(reports) + "\">" + esc(reports) + "</a>"))
                .append("</p></body></html>");
        return h.toString();
    }

    private static void header(StringBuilder h, ReportContent c, ReaderTexts t) {
        h.append("<h1>").append(esc(c.reportName())).append("</h1>");
        h.append("<p class=\"meta\">").append(esc(periodLabel(c))).append("</p>");
        h.append("<p class=\"meta\">").append(esc(scopeLabel(c))).append("</p>");
        h.append("<p><b>")
                .append(t.get("report.number", c.total()))
                .append("</b> ")
                .append(esc(t.count("report.articles", c.total())))
                .append(" (")
                .append(esc(previous(c, t)))
                .append(").</p>");
    }

    /** "previous day: 3, +2 (+67%)". */
    static String previous(ReportContent c, ReaderTexts t) {
        return t.get(
                "report.previous",
                noun(c, t),
                t.get("report.number", c.previousTotal()),
                change(c.total(), c.previousTotal(), t));
    }

    static String noun(ReportContent c, ReaderTexts t) {
        return t.get("period." + c.period().key() + ".noun");
    }

    static String periodLabel(ReportContent c) {
        ReaderTexts t = ReaderTexts.of(c.locale());
        return t.get(
                "period." + c.period().key() + ".label",
                t.dateTime(c.from(), c.zone()),
                t.dateTime(c.to(), c.zone()),
                c.zone().getId());
    }

    static String scopeLabel(ReportContent c) {
        ReaderTexts t = ReaderTexts.of(c.locale());
        ReportContent.Scope scope = c.scope();
        StringBuilder s = new StringBuilder(
                scope.topicNames().isEmpty()
                        ? t.get("report.scope.allTopics")
                        : t.get("report.scope.topics", String.join(", ", scope.topicNames())));
        s.append(
                scope.sources().isEmpty()
                        ? t.get("report.scope.allSources")
                        : t.get("report.scope.sources", String.join(", ", scope.sources())));
        if (scope.query() != null) {
            s.append(t.get("report.scope.query", scope.query()));
        }
        if (!scope.languageNames().isEmpty()) {
            s.append(t.get("report.scope.languages", String.join(", ", scope.languageNames())));
        }
        return s.append('.').toString();
    }

    private static void topics(StringBuilder h, ReportContent c, ReaderTexts t) {
        h.append("<h2>").append(esc(t.get("report.topics"))).append("</h2>");
        List<ReportContent.TopicCount> shown = c.topics().stream()
                .filter(x -> x.count() > 0 || x.previous() > 0)
                .toList();
        if (shown.isEmpty()) {
            h.append("<p class=\"empty\">")
                    .append(esc(t.get("report.topics.empty")))
                    .append("</p>");
            return;
        }
        h.append("<table class=\"topic-counts\"><tr><th>")
                .append(esc(t.get("report.topics.topic")))
                .append("</th><th class=\"num\">")
                .append(esc(t.get("period." + c.period().key() + ".this")))
                .append("</th><th class=\"num\">")
                .append(esc(t.get("report.topics.previous")))
                .append("</th><th class=\"num\">")
                .append(esc(t.get("report.topics.change")))
                .append("</th></tr>");
        for (ReportContent.TopicCount topic : shown) {
            String direction = topic.change() > 0 ? "up" : topic.change() < 0 ? "down" : "";
            h.append("<tr><td>")
                    .append(esc(topic.name()))
                    .append("</td><td class=\"num\">")
                    .append(t.get("report.number", topic.count()))
                    .append("</td><td class=\"num\">")
                    .append(t.get("report.number", topic.previous()))
                    .append("</td><td class=\"num ")
                    .append(direction)
                    .append("\">")
                    .append(esc(change(topic.count(), topic.previous(), t)))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    /** "+3 (+50%)", "−2 (−40%)", "no change", "+4 (new)"; in Russian "без изменений", "+4 (впервые)". */
    static String change(long now, long before, ReaderTexts t) {
        long diff = now - before;
        if (diff == 0) {
            return t.get("report.change.none");
        }
        String sign = diff > 0 ? "+" : "−";
        String percent =
                before == 0 ? t.get("report.change.new") : sign + Math.abs(Math.round(100.0 * diff / before)) + "%";
        return sign + Math.abs(diff) + " (" + percent + ")";
    }

    private static void spikes(StringBuilder h, ReportContent c, ReaderTexts t) {
        h.append("<h2>").append(esc(t.get("report.spikes"))).append("</h2>");
        if (c.spikes().isEmpty()) {
            h.append("<p class=\"empty\">")
                    .append(esc(t.get("report.spikes.empty")))
                    .append("</p>");
            return;
        }
        h.append("<ul>");
        for (Spike s : c.spikes()) {
            h.append("<li>").append(esc(spikeLabel(c, s))).append("</li>");
        }
        h.append("</ul>");
    }

    static String spikeLabel(ReportContent c, Spike s) {
        ReaderTexts t = ReaderTexts.of(c.locale());
        String compared = s.baseline() < 0.05
                ? t.get("report.spike.noneBefore")
                : t.get("report.spike.usual", t.decimal(s.baseline()));
        return t.count(
                "report.spike",
                s.count(),
                c.topicName(s.topic()),
                t.get(c.interval() == TrendInterval.HOUR ? "interval.hour" : "interval.day"),
                t.dateTime(s.bucket(), c.zone()),
                compared);
    }

    private static void articles(StringBuilder h, ReportContent c, ReaderTexts t, URI publicUrl) {
        h.append("<h2>").append(esc(t.get("report.articles"))).append("</h2>");
        if (c.articles().isEmpty()) {
            h.append("<p class=\"empty\">")
                    .append(esc(t.get("report.articles.empty")))
                    .append("</p>");
            return;
        }
        for (ReportContent.TopArticle a : c.articles()) {
            h.append("<div class=\"article\"><div class=\"article-title\"><a href=\"")
                    .append(esc(articleLink(publicUrl, a.id())))
                    .append("\">")
                    .append(esc(a.title()))
                    .append("</a></div><div class=\"small\">")
                    .append(esc(a.source()));
            if (a.datedAt() != null) {
                h.append(" · ").append(esc(t.dateTime(a.datedAt(), c.zone())));
            }
            if (!a.topicNames().isEmpty()) {
                h.append(" · ").append(esc(String.join(", ", a.topicNames())));
            }
            if (WebLinks.isWeb(a.url())) { // only http(s) from crawled data becomes a link
                h.append(" · <a href=\"")
                        .append(esc(a.url()))
                        .append("\">")
                        .append(esc(t.get("mail.originalLink")))
                        .append("</a>");
            }
            h.append("</div><div>").append(esc(a.snippet())).append("</div></div>");
        }
    }

    private static void map(StringBuilder h, String mapSrc, ReaderTexts t) {
        image(h, t.get("report.map"), mapSrc, PlacesMap.WIDTH, PlacesMap.HEIGHT, t.get("report.map.alt"));
    }

    /** A titled drawing (trend chart, places map), scaled down on narrow screens and email clients. */
    private static void image(StringBuilder h, String title, String src, int width, int height, String alt) {
        h.append("<h2>")
                .append(esc(title))
                .append("</h2><p><img src=\"")
                .append(esc(src))
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" alt=\"")
                .append(esc(alt))
                .append("\" style=\"max-width: 100%; height: auto;\" /></p>");
    }

    private static void entities(StringBuilder h, ReportContent c, ReaderTexts t) {
        h.append("<h2>").append(esc(t.get("report.entities"))).append("</h2>");
        if (c.entities().isEmpty()) {
            h.append("<p class=\"empty\">")
                    .append(esc(t.get("report.entities.empty")))
                    .append("</p>");
            return;
        }
        h.append("<table class=\"entities\">");
        for (TermCount e : c.entities()) {
            h.append("<tr><td>")
                    .append(esc(entityLabel(e.term(), t)))
                    .append("</td><td class=\"num\">")
                    .append(t.get("report.number", e.count()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    /**
     * {@code org:CSTO} → "CSTO (org)", in Russian "ОДКБ (организация)": the gazetteer's name in the reader's
     * language where it has one (as the dashboard shows it), else the canonical name.
     */
    static String entityLabel(String typed, ReaderTexts t) {
        int colon = typed.indexOf(':');
        if (colon < 0) {
            return typed;
        }
        String type = typed.substring(0, colon);
        String label = t.find("entity.type." + type);
        return Gazetteer.defaults().displayName(typed, t.locale()) + " (" + (label != null ? label : type) + ")";
    }

    private static void terms(StringBuilder h, ReportContent c, ReaderTexts t) {
        h.append("<h2>").append(esc(t.get("report.terms"))).append("</h2>");
        if (c.emergingTerms().isEmpty()) {
            h.append("<p class=\"empty\">")
                    .append(esc(t.get("report.terms.empty")))
                    .append("</p>");
            return;
        }
        h.append("<ul>");
        for (ReportContent.TopicTerms terms : c.emergingTerms()) {
            h.append("<li><b>")
                    .append(esc(terms.topicName()))
                    .append("</b>: ")
                    .append(esc(String.join(
                            ", ", terms.terms().stream().map(TermCount::term).toList())))
                    .append("</li>");
        }
        h.append("</ul>");
    }

    private static void silent(StringBuilder h, ReportContent c, ReaderTexts t) {
        h.append("<h2>").append(esc(t.get("report.silent"))).append("</h2>");
        if (c.silentSources().isEmpty()) {
            h.append("<p class=\"empty\">")
                    .append(esc(t.get("report.silent.empty", noun(c, t))))
                    .append("</p>");
            return;
        }
        h.append("<p>").append(esc(t.get("report.silent.intro", noun(c, t)))).append("</p><ul class=\"silent\">");
        c.silentSources().forEach(s -> h.append("<li>").append(esc(s)).append("</li>"));
        h.append("</ul>");
    }

    static String articleLink(URI publicUrl, String id) {
        return link(
                publicUrl,
                "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static String link(URI publicUrl, String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    static String esc(@Nullable String text) {
        return HtmlText.escape(text);
    }
}
