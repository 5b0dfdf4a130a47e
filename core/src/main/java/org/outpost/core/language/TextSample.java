package org.outpost.core.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The part of an article that detection looks at: the title and the start of the text, lower-cased, with the
 * apostrophes Uzbek Latin writes o‘ and g‘ with made one, its letters counted by script and its words listed.
 */
final class TextSample {

    /** The start of a text tells its language as well as the whole, and keeps the cost flat on long pages. */
    static final int MAX_CHARS = 1000;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}']+");
    private static final Pattern APOSTROPHES = Pattern.compile("[ʻʼ’‘`´]");

    private final String text;
    private final int cyrillic;
    private final int latin;
    private final int letters;
    private final List<String> words;
    private final int visible;
    /** How often each letter occurs, so that the rules' many letter counts do not rescan the text. */
    private final Map<Character, Integer> letterCounts = new HashMap<>();

    private TextSample(String text, int cyrillic, int latin, int letters, List<String> words) {
        this.text = text;
        this.cyrillic = cyrillic;
        this.latin = latin;
        this.letters = letters;
        this.words = words;
        this.visible = (int)
                text.codePoints().filter(cp -> !Character.isWhitespace(cp)).count();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letterCounts.merge(c, 1, Integer::sum);
            }
        }
    }

    static TextSample of(@Nullable String title, @Nullable String body) {
        StringBuilder joined = new StringBuilder();
        if (title != null && !title.isBlank()) {
            String heading = title.strip();
            joined.append(heading, 0, Math.min(heading.length(), MAX_CHARS)).append(". ");
        }
        if (body != null) {
            joined.append(body, 0, Math.min(body.length(), MAX_CHARS));
        }
        String text =
                APOSTROPHES.matcher(joined.toString().toLowerCase(Locale.ROOT)).replaceAll("'");
        int cyrillic = 0;
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        return new TextSample(text, cyrillic, latin, letters, words(text));
    }

    String text() {
        return text;
    }

    int letters() {
        return letters;
    }

    List<String> words() {
        return words;
    }

    /**
     * Whether letters make most of what is written, as in prose; not in hex dumps, tables of figures, emoji or
     * punctuation art.
     */
    boolean isMostlyLetters() {
        return letters >= 0.6 * visible;
    }

    /** Cyrillic, Latin or neither, by the script of at least 80% of the letters. */
    Script script() {
        if (letters == 0) {
            return Script.NONE;
        }
        if (cyrillic >= 0.8 * letters) {
            return Script.CYRILLIC;
        }
        if (latin >= 0.8 * letters) {
            return Script.LATIN;
        }
        return cyrillic + latin >= 0.8 * letters ? Script.MIXED : Script.OTHER;
    }

    /** How often any of {@code letters} occurs in the sample. */
    int count(String letters) {
        int count = 0;
        for (int i = 0; i < letters.length(); i++) {
            count += letterCounts.getOrDefault(letters.charAt(i), 0);
        }
        return count;
    }

    /** How often any of {@code strings} occurs in the sample, overlapping occurrences counted once. */
    int occurrences(List<String> strings) {
        int count = 0;
        for (String string : strings) {
            for (int at = text.indexOf(string); at >= 0; at = text.indexOf(string, at + string.length())) {
                count++;
            }
        }
        return count;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            int start = 0;
            int end = word.length();
            while (start < end && word.charAt(start) == '\'') {
                start++;
            }
            while (end > start && word.charAt(end - 1) == '\'') {
                end--;
            }
            if (start < end) {
                words.add(word.substring(start, end));
            }
        }
        return words;
    }

    enum Script {
        CYRILLIC,
        LATIN,
        MIXED,
        OTHER,
        NONE
    }
}
