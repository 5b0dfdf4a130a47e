package org.outpost.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw page text into blocks of clean lines. Scrapers hand over whatever whitespace the page had:
 * CR or CRLF line ends, tabs, no-break spaces used as layout filler (a line of NBSPs is visually blank and
 * must separate paragraphs like an empty line), zero-width characters from editors.
 */
final class TextBlocks {

    private TextBlocks() {}

    /** Splits text into blank-line separated blocks of normalised, non-empty lines; {@code null} gives none. */
    static List<Block> split(String raw) {
        List<Block> blocks = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return blocks;
        }
        List<String> current = new ArrayList<>();
        int length = raw.length();
        int lineStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? raw.charAt(i) : '\n';
            if (!isLineBreak(c)) {
                continue;
            }
            String line = collapse(raw, lineStart, i);
            if (line.isEmpty()) {
                flush(current, blocks);
            } else {
                current.add(line);
            }
            if (c == '\r' && i + 1 < length && raw.charAt(i + 1) == '\n') {
                i++;
            }
            lineStart = i + 1;
        }
        flush(current, blocks);
        return blocks;
    }

    /** Trims and collapses every run of (Unicode) whitespace to one space, dropping invisible characters. */
    static String collapse(String text) {
        return collapse(text, 0, text.length());
    }

    private static String collapse(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        boolean pendingSpace = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void flush(List<String> current, List<Block> blocks) {
        if (!current.isEmpty()) {
            blocks.add(new Block(current));
            current.clear();
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    // Character.isWhitespace excludes the no-break spaces, which pages use as filler most of all.
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }
}
