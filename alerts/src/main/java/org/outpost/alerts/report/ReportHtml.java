package org.outpost.alerts.report;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.HtmlText;
import org.outpost.core.index.TermCount;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.trend.Spike;

/**
 * A report as XHTML: well-formed so the PDF renderer can read the stored copy, styles inline
 * or in the head (what email clients keep), the chart as an image whose source the caller
 * chooses (a {@code cid:} reference in email, a {@code data:} URI in the stored copy).
 */
final class ReportHtml {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
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

    private ReportHtml() {
    }

    /** @param chartSrc where the chart image comes from: {@code cid:...} or {@code data:image/png;base64,...} */
    static String render(ReportContent c, String chartSrc, URI publicUrl) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" />")
                .append("<title>").append(esc(c.reportName())).append("</title><style>").append(STYLE).append("</style></head><body>");
        header(h, c);
        topics(h, c);
        h.append("<h2>Trend</h2><p><img src=\"").append(esc(chartSrc)).append("\" width=\"").append(TrendChart.WIDTH)
                .append("\" height=\"").append(TrendChart.HEIGHT).append("\" alt=\"Articles per ")
                .append(c.interval() == TrendInterval.HOUR ? "hour" : "day").append(" in the period\" style=\"max-width: 100%; height: auto;\" /></p>");
        spikes(h, c);
        articles(h, c, publicUrl);
        entities(h, c);
        terms(h, c);
        silent(h, c);
        h.append("<p class=\"small\">Sent by Outpost. Open the reports at <a href=\"")
                .append(esc(link(publicUrl, "/reports"))).append("\">").append(esc(link(publicUrl, "/reports")))
                .append("</a>.</p></body></html>");
        return h.toString();
    }

    private static void header(StringBuilder h, ReportContent c) {
        h.append("<h1>").append(esc(c.reportName())).append("</h1>");
        h.append("<p class=\"meta\">").append(esc(periodLabel(c))).append("</p>");
        h.append("<p class=\"meta\">").append(esc(scopeLabel(c.scope()))).append("</p>");
        h.append("<p><b>").append(c.total()).append("</b> articles").append(" (previous ").append(c.period().key())
                .append(": ").append(c.previousTotal()).append(", ").append(esc(change(c.total(), c.previousTotal())))
                .append(").</p>");
    }

    static String periodLabel(ReportContent c) {
        return c.period().key().substring(0, 1).toUpperCase(Locale.ROOT) + c.period().key().substring(1) + " from "
                + DATE_TIME.format(c.from().atZone(c.zone())) + " to " + DATE_TIME.format(c.to().atZone(c.zone())) + " ("
                + c.zone().getId() + ")";
    }

    static String scopeLabel(ReportContent.Scope scope) {
        StringBuilder s = new StringBuilder("Covers ");
        s.append(scope.topicNames().isEmpty() ? "every topic" : "topics " + String.join(", ", scope.topicNames()));
        s.append(scope.sources().isEmpty() ? ", every source" : ", sources " + String.join(", ", scope.sources()));
        if (scope.query() != null) {
            s.append(", articles matching ").append(scope.query());
        }
        return s.append('.').toString();
    }

    private static void topics(StringBuilder h, ReportContent c) {
        h.append("<h2>Articles per topic</h2>");
        List<ReportContent.TopicCount> shown = c.topics().stream().filter(t -> t.count() > 0 || t.previous() > 0).toList();
        if (shown.isEmpty()) {
            h.append("<p class=\"empty\">No articles on these topics in this period or the one before.</p>");
            return;
        }
        h.append("<table class=\"topic-counts\"><tr><th>Topic</th><th class=\"num\">This ").append(c.period().key())
                .append("</th><th class=\"num\">Previous</th><th class=\"num\">Change</th></tr>");
        for (ReportContent.TopicCount t : shown) {
            String direction = t.change() > 0 ? "up" : t.change() < 0 ? "down" : "";
            h.append("<tr><td>").append(esc(t.name())).append("</td><td class=\"num\">").append(t.count())
                    .append("</td><td class=\"num\">").append(t.previous()).append("</td><td class=\"num ").append(direction)
                    .append("\">").append(esc(change(t.count(), t.previous()))).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** "+3 (+50%)", "−2 (−40%)", "no change", "+4 (new)". */
    static String change(long now, long before) {
        long diff = now - before;
        if (diff == 0) {
            return "no change";
        }
        String sign = diff > 0 ? "+" : "−";
        String percent = before == 0 ? "new" : sign + Math.abs(Math.round(100.0 * diff / before)) + "%";
        return sign + Math.abs(diff) + " (" + percent + ")";
    }

    private static void spikes(StringBuilder h, ReportContent c) {
        h.append("<h2>Spikes</h2>");
        if (c.spikes().isEmpty()) {
            h.append("<p class=\"empty\">No topic rose far above its usual volume in this period.</p>");
            return;
        }
        h.append("<ul>");
        for (Spike s : c.spikes()) {
            h.append("<li>").append(esc(spikeLabel(c, s))).append("</li>");
        }
        h.append("</ul>");
    }

    static String spikeLabel(ReportContent c, Spike s) {
        return c.topicName(s.topic()) + ": " + s.count() + " articles in the " + (c.interval() == TrendInterval.HOUR ? "hour" : "day")
                + " from " + DATE_TIME.format(s.bucket().atZone(c.zone())) + ", where "
                + (s.baseline() < 0.05 ? "there were almost none before" : "about "
                        + String.format(Locale.ROOT, "%.1f", s.baseline()) + " was usual");
    }

    private static void articles(StringBuilder h, ReportContent c, URI publicUrl) {
        h.append("<h2>Top articles</h2>");
        if (c.articles().isEmpty()) {
            h.append("<p class=\"empty\">No articles in this period.</p>");
            return;
        }
        for (ReportContent.TopArticle a : c.articles()) {
            h.append("<div class=\"article\"><div class=\"article-title\"><a href=\"").append(esc(articleLink(publicUrl, a.id())))
                    .append("\">").append(esc(a.title())).append("</a></div><div class=\"small\">").append(esc(a.source()));
            if (a.datedAt() != null) {
                h.append(" · ").append(esc(DATE_TIME.format(a.datedAt().atZone(c.zone()))));
            }
            if (!a.topicNames().isEmpty()) {
                h.append(" · ").append(esc(String.join(", ", a.topicNames())));
            }
            if (a.url() != null) {
                h.append(" · <a href=\"").append(esc(a.url())).append("\">original</a>");
            }
            h.append("</div><div>").append(esc(a.snippet())).append("</div></div>");
        }
    }

    private static void entities(StringBuilder h, ReportContent c) {
        h.append("<h2>Most mentioned</h2>");
        if (c.entities().isEmpty()) {
            h.append("<p class=\"empty\">No people, places or organisations recognised in this period.</p>");
            return;
        }
        h.append("<table class=\"entities\">");
        for (TermCount e : c.entities()) {
            h.append("<tr><td>").append(esc(entityLabel(e.term()))).append("</td><td class=\"num\">").append(e.count())
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    /** {@code org:CSTO} → "CSTO (org)". */
    static String entityLabel(String typed) {
        int colon = typed.indexOf(':');
        return colon < 0 ? typed : typed.substring(colon + 1) + " (" + typed.substring(0, colon) + ")";
    }

    private static void terms(StringBuilder h, ReportContent c) {
        h.append("<h2>Emerging terms</h2>");
        if (c.emergingTerms().isEmpty()) {
            h.append("<p class=\"empty\">Too few articles in this period for terms to stand out.</p>");
            return;
        }
        h.append("<ul>");
        for (ReportContent.TopicTerms t : c.emergingTerms()) {
            h.append("<li><b>").append(esc(t.topicName())).append("</b>: ")
                    .append(esc(String.join(", ", t.terms().stream().map(TermCount::term).toList()))).append("</li>");
        }
        h.append("</ul>");
    }

    private static void silent(StringBuilder h, ReportContent c) {
        h.append("<h2>Silent sources</h2>");
        if (c.silentSources().isEmpty()) {
            h.append("<p class=\"empty\">Every source with articles in the previous ").append(c.period().key())
                    .append(" had articles in this one too.</p>");
            return;
        }
        h.append("<p>Had articles in the previous ").append(c.period().key()).append(", none in this one:</p><ul class=\"silent\">");
        c.silentSources().forEach(s -> h.append("<li>").append(esc(s)).append("</li>"));
        h.append("</ul>");
    }

    static String articleLink(URI publicUrl, String id) {
        return link(publicUrl, "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static String link(URI publicUrl, String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }

    static String esc(@Nullable String text) {
        return HtmlText.escape(text);
    }
}
