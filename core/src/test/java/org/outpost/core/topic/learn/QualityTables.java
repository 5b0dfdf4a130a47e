package org.outpost.core.topic.learn;

import java.util.Locale;

/** Markdown tables of quality reports, as {@code docs/signal-quality.md} shows them. */
final class QualityTables {

    private QualityTables() {}

    static String comparison(QualityReport before, QualityReport after, String beforeName, String afterName) {
        StringBuilder out = new StringBuilder("| language | texts | " + beforeName + ": P / R / F1 | " + afterName
                + ": P / R / F1 |\n|---|---:|---|---|\n");
        for (String language : after.languageCodes()) {
            TopicCounts b = before.languages().get(language).micro();
            TopicCounts a = after.languages().get(language).micro();
            out.append("| ")
                    .append(language)
                    .append(" | ")
                    .append(after.languages().get(language).texts())
                    .append(" | ")
                    .append(prf(b))
                    .append(" | ")
                    .append(prf(a))
                    .append(" |\n");
        }
        out.append("| **all** | | ")
                .append(prf(before.micro()))
                .append(" | ")
                .append(prf(after.micro()))
                .append(" |\n");
        return out.toString();
    }

    static String perTopic(String language, QualityReport before, QualityReport after) {
        StringBuilder out = new StringBuilder("\n**" + language + "**\n\n"
                + "| topic | rules: tp / fp / fn | P / R / F1 | blend: tp / fp / fn | P / R / F1 |\n"
                + "|---|---|---|---|---|\n");
        after.languages().get(language).topics().forEach((topic, a) -> {
            TopicCounts b = before.languages().get(language).topics().get(topic);
            out.append("| ")
                    .append(topic)
                    .append(" | ")
                    .append(counts(b))
                    .append(" | ")
                    .append(prf(b));
            out.append(" | ").append(counts(a)).append(" | ").append(prf(a)).append(" |\n");
        });
        TopicCounts b = before.languages().get(language).micro();
        TopicCounts a = after.languages().get(language).micro();
        out.append("| **micro** | ")
                .append(counts(b))
                .append(" | **")
                .append(prf(b))
                .append("** | ");
        out.append(counts(a)).append(" | **").append(prf(a)).append("** |\n");
        return out.toString();
    }

    private static String counts(TopicCounts c) {
        return c.tp() + " / " + c.fp() + " / " + c.fn();
    }

    private static String prf(TopicCounts c) {
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", c.precision(), c.recall(), c.f1());
    }
}
