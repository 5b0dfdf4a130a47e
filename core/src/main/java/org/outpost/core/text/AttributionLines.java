package org.outpost.core.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the lines that close a story in a digest page and names the publisher they credit. Aggregator
 * pages reprint stories one after another and end each with "Source: …" or a copyright/reprint footer, so
 * these lines are both story separators and the only record of where a story came from.
 */
final class AttributionLines {

    private static final int MAX_SOURCE_LINE = 120;
    private static final int MAX_SOURCE_WORDS = 15;
    private static final int MAX_FOOTER_LINE = 400;

    private static final Pattern SOURCE = Pattern.compile("(?i)^sources? ?: ?(\\S.*?)\\.?$");
    private static final Pattern COPYRIGHT_START = Pattern.compile("(?i)^(?:copyright\\b|©|\\(c\\) ?\\d{4}|\\d{4} ?©)");
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");
    private static final Pattern COPYRIGHT_PREAMBLE =
            Pattern.compile("(?i)^(?:copyright\\b|©|\\(c\\)|\\d{4}(?: ?[-–] ?\\d{4})?|[ .,:;-])+");
    private static final Pattern REPRINT_HOLDER =
            Pattern.compile("(?i)\\breprinted with (?:the )?permission (?:of|from) (.+)$");
    private static final Pattern HOLDER_END =
            Pattern.compile("(?i),|\\. |\\.$| [-–|] |\\ball rights reserved|\\breprinted\\b");
    private static final Pattern COMPANY_SUFFIX =
            Pattern.compile("(?i)[ ,]+(?:inc|ltd|llc|plc|corp|co|gmbh|s\\.a)\\.?$");

    private AttributionLines() {}

    /** Whether the line closes a story: a lone "Source: X" line or a copyright/reprint footer. */
    static boolean isTerminator(String line) {
        return isSourceLine(line) || isCopyrightFooter(line);
    }

    /**
     * Any copyright notice, including a bare photo credit such as "© Reuters". Such notices never belong in
     * an article body, but only {@linkplain #isCopyrightFooter footers} close a story.
     */
    static boolean isCopyrightNotice(String line) {
        if (line.length() > MAX_FOOTER_LINE) {
            return false;
        }
        if (COPYRIGHT_START.matcher(line).find()) {
            return true;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("all rights reserved") || isReprintNote(lower);
    }

    /**
     * A copyright notice that closes an article. A year, a rights reservation or a reprint note tells it
     * from a photo credit, which would otherwise split an article in two.
     */
    static boolean isCopyrightFooter(String line) {
        if (!isCopyrightNotice(line)) {
            return false;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        return YEAR.matcher(line).find() || lower.contains("all rights reserved") || isReprintNote(lower);
    }

    /** The publisher a terminator line credits, or {@code null} when it names none. */
    static String attributionOf(String line) {
        Matcher source = sourceMatcher(line);
        if (source != null) {
            return source.group(1).strip();
        }
        if (isCopyrightNotice(line)) {
            return copyrightHolder(line);
        }
        return null;
    }

    private static boolean isSourceLine(String line) {
        return sourceMatcher(line) != null;
    }

    private static Matcher sourceMatcher(String line) {
        if (line.length() > MAX_SOURCE_LINE) {
            return null;
        }
        Matcher matcher = SOURCE.matcher(line);
        if (!matcher.matches()) {
            return null;
        }
        // "Source: X" names a publisher; a sentence after "Source:" is the article quoting someone.
        String named = matcher.group(1);
        boolean sentence = named.contains(". ") || named.split(" ").length > MAX_SOURCE_WORDS;
        return sentence ? null : matcher;
    }

    private static boolean isReprintNote(String lowerLine) {
        return lowerLine.contains("reprinted with") && lowerLine.contains("permission");
    }

    private static String copyrightHolder(String line) {
        String afterPreamble = COPYRIGHT_PREAMBLE.matcher(line).replaceFirst("");
        String holder = firstPart(afterPreamble);
        if (holder == null) {
            // "© 2022. All rights reserved. Reprinted with the permission of X, …" names X only in the note.
            Matcher reprint = REPRINT_HOLDER.matcher(line);
            holder = reprint.find() ? firstPart(reprint.group(1)) : null;
        }
        return holder;
    }

    private static String firstPart(String text) {
        Matcher end = HOLDER_END.matcher(text);
        String part = end.find() ? text.substring(0, end.start()) : text;
        part = COMPANY_SUFFIX.matcher(part.strip()).replaceFirst("").strip();
        return part.isEmpty() ? null : part;
    }
}
