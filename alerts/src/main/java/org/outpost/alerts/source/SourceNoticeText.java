package org.outpost.alerts.source;

import java.time.Duration;
import java.time.ZoneOffset;
import org.outpost.alerts.ReaderTexts;
import org.outpost.core.source.SourceHealthChanged.Problem;
import org.outpost.core.source.SourceHealthChanged.State;

/** A source notice in words, in the reader's language: a title and one or two sentences. */
final class SourceNoticeText {

    private SourceNoticeText() {}

    static String title(SourceNotice n, ReaderTexts t) {
        return t.get(key(n) + ".title", n.sourceName());
    }

    static String body(SourceNotice n, ReaderTexts t) {
        String since = t.dateTime(n.since(), ZoneOffset.UTC) + " UTC";
        if (n.state() == State.RECOVERED) {
            return t.get(key(n) + ".body", n.sourceName(), since);
        }
        if (n.problem() == Problem.SILENT) {
            Duration gap = n.usualGap() == null ? Duration.ZERO : n.usualGap();
            return t.get(key(n) + ".body", n.sourceName(), since, gap(gap, t));
        }
        return t.count(key(n) + ".body", n.failedRuns(), n.sourceName(), since, n.reason() == null ? "—" : n.reason());
    }

    /** "6 hours", "2 days": the unit that reads naturally, whole numbers. */
    static String gap(Duration gap, ReaderTexts t) {
        if (gap.compareTo(Duration.ofHours(48)) >= 0) {
            return t.count("source.gap.days", Math.round(gap.toHours() / 24.0));
        }
        if (gap.compareTo(Duration.ofHours(2)) >= 0) {
            return t.count("source.gap.hours", Math.round(gap.toMinutes() / 60.0));
        }
        return t.count("source.gap.minutes", Math.max(1, gap.toMinutes()));
    }

    private static String key(SourceNotice n) {
        return "source." + (n.state() == State.RECOVERED ? "recovered" : "raised") + "."
                + n.problem().name().toLowerCase(java.util.Locale.ROOT);
    }
}
