package org.outpost.core.text;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a byline such as "By Nadin Bahrom" or "Author: Jane Doe, Reuters". A line that starts with "By" is
 * only a byline when what follows is a person's name, so sentences such as "By the end of the year …" are
 * left alone.
 */
final class BylineFinder {

    private static final int MAX_BYLINE = 100;
    private static final int MAX_NAME_WORDS = 8;
    // "By Reuters" credits an outlet, not a person; "By Force" is a headline.
    private static final int MIN_NAME_WORDS = 2;

    // Russian and Tajik bylines are labelled ("Автор:", "Текст:", "Муаллиф:"); "Фото:" credits a photographer.
    private static final Pattern BYLINE =
            Pattern.compile("(?iu)^(?:by|written by|author ?:|authors ?:|автор ?:|авторы ?:"
                    + "|текст ?:|подготовил ?:|подготовила ?:|муаллиф ?:|матн ?:|muallif ?:) ?(\\S.*)$");
    // The name ends where the byline adds an outlet or role: "By Jane Doe, Reuters", "By Jane Doe | AP".
    private static final Pattern NAME_END = Pattern.compile(",| [-–—|/] | for ");
    private static final Set<String> NAME_PARTICLES =
            Set.of("and", "&", "de", "del", "der", "van", "von", "al", "bin", "ibn", "la", "le", "da", "di");

    private BylineFinder() {}

    /** The author's name, or empty when the line is not a byline. */
    static Optional<String> parse(String line) {
        if (line.length() > MAX_BYLINE) {
            return Optional.empty();
        }
        Matcher byline = BYLINE.matcher(line);
        if (!byline.matches()) {
            return Optional.empty();
        }
        String rest = byline.group(1);
        Matcher end = NAME_END.matcher(rest);
        String name = (end.find() ? rest.substring(0, end.start()) : rest).strip();
        return isPersonName(name) ? Optional.of(name) : Optional.empty();
    }

    static boolean isByline(String line) {
        return parse(line).isPresent();
    }

    private static boolean isPersonName(String name) {
        String[] words = name.split(" ");
        if (name.isEmpty()
                || words.length < MIN_NAME_WORDS
                || words.length > MAX_NAME_WORDS
                || (name.endsWith(".") && !endsWithInitial(words))) {
            return false;
        }
        for (String word : words) {
            boolean capitalisedWord = Character.isUpperCase(word.charAt(0)) && word.matches("[\\p{L}.'’-]+");
            if (!capitalisedWord && !NAME_PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return Character.isUpperCase(words[0].charAt(0));
    }

    private static boolean endsWithInitial(String[] words) {
        return words[words.length - 1].length() == 2;
    }
}
