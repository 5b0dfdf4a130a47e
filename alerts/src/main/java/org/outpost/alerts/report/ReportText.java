package org.outpost.alerts.report;

import java.net.URI;
import org.outpost.alerts.ReaderTexts;
import org.outpost.core.index.TermCount;
import org.outpost.core.trend.Spike;

/** The plain-text part of a report email, for clients that show no HTML; in the reader's language like the HTML. */
final class ReportText {

    private ReportText() {}

    static String render(ReportContent c, URI publicUrl) {
        ReaderTexts x = ReaderTexts.of(c.locale());
        StringBuilder t = new StringBuilder(4096);
        t.append(c.reportName())
                .append('\n')
                .append("=".repeat(Math.min(72, c.reportName().length())))
                .append("\n\n");
        t.append(ReportHtml.periodLabel(c))
                .append('\n')
                .append(ReportHtml.scopeLabel(c))
                .append("\n\n");
        t.append(x.get("report.number", c.total()))
                .append(' ')
                .append(x.count("report.articles", c.total()))
                .append(" (")
                .append(ReportHtml.previous(c, x))
                .append(")\n");

        section(
                t,
                x.get("report.topics") + " ("
                        + x.get(
                                "report.topics.textHeading",
                                x.get("period." + c.period().key() + ".this").toLowerCase(x.locale()))
                        + ")");
        boolean any = false;
        for (ReportContent.TopicCount topic : c.topics()) {
            if (topic.count() > 0 || topic.previous() > 0) {
                any = true;
                t.append("- ")
                        .append(topic.name())
                        .append(": ")
                        .append(x.get("report.number", topic.count()))
                        .append(" / ")
                        .append(x.get("report.number", topic.previous()))
                        .append(" / ")
                        .append(ReportHtml.change(topic.count(), topic.previous(), x))
                        .append('\n');
            }
        }
        if (!any) {
            t.append(x.get("report.topics.empty")).append('\n');
        }

        section(t, x.get("report.spikes"));
        if (c.spikes().isEmpty()) {
            t.append(x.get("report.spikes.empty")).append('\n');
        }
        for (Spike spike : c.spikes()) {
            t.append("- ").append(ReportHtml.spikeLabel(c, spike)).append('\n');
        }

        section(t, x.get("report.articles"));
        if (c.articles().isEmpty()) {
            t.append(x.get("report.articles.empty")).append('\n');
        }
        for (ReportContent.TopArticle a : c.articles()) {
            t.append("- ").append(a.title()).append('\n').append("  ").append(a.source());
            if (a.datedAt() != null) {
                t.append(", ").append(x.dateTime(a.datedAt(), c.zone()));
            }
            t.append('\n')
                    .append("  ")
                    .append(x.get("mail.inOutpost"))
                    .append(' ')
                    .append(ReportHtml.articleLink(publicUrl, a.id()))
                    .append('\n');
            if (a.url() != null) {
                t.append("  ")
                        .append(x.get("mail.original"))
                        .append(' ')
                        .append(a.url())
                        .append('\n');
            }
        }

        section(t, x.get("report.entities"));
        if (c.entities().isEmpty()) {
            t.append(x.get("report.entities.empty")).append('\n');
        }
        for (TermCount e : c.entities()) {
            t.append("- ")
                    .append(ReportHtml.entityLabel(e.term(), x))
                    .append(": ")
                    .append(x.get("report.number", e.count()))
                    .append('\n');
        }

        section(t, x.get("report.terms"));
        if (c.emergingTerms().isEmpty()) {
            t.append(x.get("report.terms.empty")).append('\n');
        }
        for (ReportContent.TopicTerms terms : c.emergingTerms()) {
            t.append("- ")
                    .append(terms.topicName())
                    .append(": ")
                    .append(String.join(
                            ", ", terms.terms().stream().map(TermCount::term).toList()))
                    .append('\n');
        }

        section(t, x.get("report.silent"));
        if (c.silentSources().isEmpty()) {
            t.append(x.get("report.silent.empty", ReportHtml.noun(c, x))).append('\n');
        }
        c.silentSources().forEach(s -> t.append("- ").append(s).append('\n'));

        t.append("\n--\n")
                .append(x.get("report.footer.text", ReportHtml.link(publicUrl, "/reports")))
                .append('\n');
        return t.toString();
    }

    private static void section(StringBuilder t, String title) {
        t.append('\n')
                .append(title)
                .append('\n')
                .append("-".repeat(title.length()))
                .append('\n');
    }
}
