package org.outpost.alerts.report;

import java.net.URI;
import org.outpost.core.index.TermCount;
import org.outpost.core.trend.Spike;

/** The plain-text part of a report email, for clients that show no HTML. */
final class ReportText {

    private ReportText() {
    }

    static String render(ReportContent c, URI publicUrl) {
        StringBuilder t = new StringBuilder(4096);
        t.append(c.reportName()).append('\n').append("=".repeat(Math.min(72, c.reportName().length()))).append("\n\n");
        t.append(ReportHtml.periodLabel(c)).append('\n').append(ReportHtml.scopeLabel(c.scope())).append("\n\n");
        t.append(c.total()).append(" articles (previous ").append(c.period().key()).append(": ").append(c.previousTotal())
                .append(", ").append(ReportHtml.change(c.total(), c.previousTotal())).append(")\n");

        section(t, "Articles per topic (this " + c.period().key() + " / previous / change)");
        boolean any = false;
        for (ReportContent.TopicCount topic : c.topics()) {
            if (topic.count() > 0 || topic.previous() > 0) {
                any = true;
                t.append("- ").append(topic.name()).append(": ").append(topic.count()).append(" / ").append(topic.previous())
                        .append(" / ").append(ReportHtml.change(topic.count(), topic.previous())).append('\n');
            }
        }
        if (!any) {
            t.append("No articles on these topics in this period or the one before.\n");
        }

        section(t, "Spikes");
        if (c.spikes().isEmpty()) {
            t.append("No topic rose far above its usual volume in this period.\n");
        }
        for (Spike spike : c.spikes()) {
            t.append("- ").append(ReportHtml.spikeLabel(c, spike)).append('\n');
        }

        section(t, "Top articles");
        if (c.articles().isEmpty()) {
            t.append("No articles in this period.\n");
        }
        for (ReportContent.TopArticle a : c.articles()) {
            t.append("- ").append(a.title()).append('\n').append("  ").append(a.source());
            if (a.datedAt() != null) {
                t.append(", ").append(ReportHtml.DATE_TIME.format(a.datedAt().atZone(c.zone())));
            }
            t.append('\n').append("  In Outpost: ").append(ReportHtml.articleLink(publicUrl, a.id())).append('\n');
            if (a.url() != null) {
                t.append("  Original: ").append(a.url()).append('\n');
            }
        }

        section(t, "Most mentioned");
        if (c.entities().isEmpty()) {
            t.append("No people, places or organisations recognised in this period.\n");
        }
        for (TermCount e : c.entities()) {
            t.append("- ").append(ReportHtml.entityLabel(e.term())).append(": ").append(e.count()).append('\n');
        }

        section(t, "Emerging terms");
        if (c.emergingTerms().isEmpty()) {
            t.append("Too few articles in this period for terms to stand out.\n");
        }
        for (ReportContent.TopicTerms terms : c.emergingTerms()) {
            t.append("- ").append(terms.topicName()).append(": ")
                    .append(String.join(", ", terms.terms().stream().map(TermCount::term).toList())).append('\n');
        }

        section(t, "Silent sources");
        if (c.silentSources().isEmpty()) {
            t.append("Every source with articles in the previous ").append(c.period().key()).append(" had articles in this one too.\n");
        }
        c.silentSources().forEach(s -> t.append("- ").append(s).append('\n'));

        t.append("\n--\nSent by Outpost: ").append(ReportHtml.link(publicUrl, "/reports")).append('\n');
        return t.toString();
    }

    private static void section(StringBuilder t, String title) {
        t.append('\n').append(title).append('\n').append("-".repeat(title.length())).append('\n');
    }
}
