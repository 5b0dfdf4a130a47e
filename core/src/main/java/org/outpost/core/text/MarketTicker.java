package org.outpost.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a market ticker line: news sites render exchange rates and index moves as one long line of
 * quotes. One quote can occur in an article; several in a row cannot.
 */
final class MarketTicker {

    /** How many quotes make a line a ticker. */
    static final int MIN_QUOTES = 3;

    // "USD/EUR 0,92", "EUR/JPY: 164.16"
    private static final Pattern CURRENCY_PAIR_QUOTE = Pattern.compile("\\b[A-Z]{3}/[A-Z]{3}:? ?[+\\-−]?\\d");
    // "↑+0.0002", "▼ -0.76"
    private static final Pattern ARROW_QUOTE = Pattern.compile("[↑↓▲▼△▽⬆⬇] ?[+\\-−]?\\d");

    private MarketTicker() {}

    static boolean isTickerLine(String line) {
        return hasAtLeast(CURRENCY_PAIR_QUOTE, line) || hasAtLeast(ARROW_QUOTE, line);
    }

    private static boolean hasAtLeast(Pattern quote, String line) {
        Matcher matcher = quote.matcher(line);
        int found = 0;
        while (found < MIN_QUOTES && matcher.find()) {
            found++;
        }
        return found >= MIN_QUOTES;
    }
}
