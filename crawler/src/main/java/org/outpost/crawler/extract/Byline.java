package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A line that credits the writer ("By Jane Doe", "By Dana Omarova in Nation on 11 December
 * 2024", "Автор: Иван Петров") as opposed to a sentence that happens to start with "By"
 * ("By Friday evening, rescuers had reached the village."): after the prefix, a name line
 * holds only capitalised words, numbers and a few joining words.
 */
final class Byline {

    private static final Pattern PREFIX =
            Pattern.compile("(?iuU)^(?:by|written by|posted by|reporting by|story by|words by"
                    + "|(?:author|authors|text|автор|авторы|текст|подготовил|подготовила|автор материала|муаллиф|матн|muallif|matn"
                    + "|автордун|авторлар|автор/лар)\\s*:)\\s+(.{2,100})$");
    /** Where a byline goes on to the date or the outlet: "By Jane Doe | 18 November 2026", "Автор: А. Б. — Душанбе". */
    private static final Pattern SEPARATOR = Pattern.compile("\\s[|•·—–]\\s");
    /** Lower-case words a byline may hold besides names: "By Jane Doe and John Smith in Bishkek on 3 May". */
    private static final Pattern GLUE = Pattern.compile("(?U)and|in|for|of|the|de|van|von|al|bin|on|at|и|в|для");
    /** Joining words after which the names are over: place, section, date. */
    private static final Pattern NAMES_END = Pattern.compile("(?U)in|for|of|on|at|в|для");

    private static final int MAX_WORDS = 14;

    private Byline() {}

    /** The names part of a byline ("Dana Omarova" of "By Dana Omarova in Nation on 11 December 2024"), or null. */
    static @Nullable String names(String line) {
        Matcher m = PREFIX.matcher(DomText.collapse(line));
        if (!m.matches()) {
            return null;
        }
        String[] words = SEPARATOR.split(m.group(1), 2)[0].split("(?U)[\\s,;|/·•]+");
        if (words.length > MAX_WORDS) {
            return null;
        }
        List<String> names = new ArrayList<>();
        boolean ended = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            boolean lower = Character.isLowerCase(word.codePointAt(0));
            if (lower && !GLUE.matcher(word).matches()) {
                return null;
            }
            ended |= NAMES_END.matcher(word).matches() || Character.isDigit(word.codePointAt(0));
            if (!ended) {
                names.add(word);
            }
        }
        return names.isEmpty() ? null : String.join(" ", names);
    }
}
