package org.outpost.crawler;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.InterfaceLanguage;

/**
 * An adaptive source's learned interval between runs, and why it is that: the figures it was
 * learned from, so a person can check it ({@link #describe}).
 *
 * @param interval the time between two runs
 * @param why what set it
 * @param usualGap the median gap between the source's recent articles, when known
 * @param silentFor how long since its newest article, when that slowed polling down
 * @param failedRuns failed runs in a row behind a back-off
 * @param bound the limit that held the interval, if one did
 * @param learnedAt when it was learned (after which run)
 */
public record PollPace(
        Duration interval,
        Why why,
        @Nullable Duration usualGap,
        @Nullable Duration silentFor,
        int failedRuns,
        @Nullable Bound bound,
        Instant learnedAt) {

    public enum Why {
        /** Too few articles yet: the deployment's initial interval. */
        NEW,
        /** A fraction of the usual gap between articles. */
        PUBLISHES,
        /** Nothing new for several usual gaps: slowed down in proportion to the silence. */
        SILENT,
        /** Failed runs in a row: doubled for each. */
        FAILING,
        /** A WebSub hub pushes its items: polled only as a back-stop, in case a push is missed. */
        PUSHED,
        /**
         * One of the busiest sources: polled at the prompt interval with polls the quieter ones
         * leave unused (the budget, {@code outpost.crawler.adaptive.budget-interval}).
         */
        BUSY
    }

    public enum Bound {
        SHORTEST,
        LONGEST,
        /** robots.txt's Crawl-delay, longer than the shortest interval. */
        CRAWL_DELAY
    }

    /** "every 7 min: publishes about every 25 min", in English or Russian. */
    public String describe(@Nullable Locale locale) {
        Locale language = InterfaceLanguage.isRussian(locale) ? InterfaceLanguage.RUSSIAN : Locale.ENGLISH;
        ResourceBundle texts =
                InterfaceLanguage.bundle("org.outpost.crawler.messages", language, PollPace.class.getClassLoader());
        String every = span(interval, texts, language);
        String text = switch (why) {
            case NEW -> format(texts, language, "pace.new", every);
            case PUBLISHES -> format(texts, language, "pace.publishes", every, span(usualGap, texts, language));
            case SILENT ->
                format(
                        texts,
                        language,
                        "pace.silent",
                        every,
                        span(silentFor, texts, language),
                        span(usualGap, texts, language));
            case FAILING -> format(texts, language, "pace.failing", every, Integer.toString(failedRuns));
            case PUSHED -> format(texts, language, "pace.pushed", every);
            case BUSY -> format(texts, language, "pace.busy", every, span(usualGap, texts, language));
        };
        if (bound == null) {
            return text;
        }
        return text
                + switch (bound) {
                    case SHORTEST -> format(texts, language, "pace.bound.shortest");
                    case LONGEST -> format(texts, language, "pace.bound.longest");
                    case CRAWL_DELAY -> format(texts, language, "pace.bound.crawlDelay", every);
                };
    }

    /** Whole minutes under two hours, hours under two days, then days: what a person reads at a glance. */
    static String span(@Nullable Duration duration, ResourceBundle texts, Locale language) {
        if (duration == null) {
            return "?";
        }
        long minutes = Math.max(1, Math.round(duration.toSeconds() / 60.0));
        if (minutes < 120) {
            return format(texts, language, "pace.unit.min", Long.toString(minutes));
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) {
            return format(texts, language, "pace.unit.h", Long.toString(hours));
        }
        return format(texts, language, "pace.unit.d", Long.toString(Math.round(hours / 24.0)));
    }

    private static String format(ResourceBundle texts, Locale language, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), language).format(arguments);
    }
}
