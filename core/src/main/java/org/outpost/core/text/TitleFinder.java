package org.outpost.core.text;

/**
 * Decides which lines can be a headline, and makes one from the first sentence when a story has none.
 */
final class TitleFinder {

    static final int MAX_TITLE = 250;
    static final int MAX_DERIVED_TITLE = 120;
    private static final int MIN_TITLE_WORDS = 2;
    // Looking further than this for the end of the first sentence only finds a run-on paragraph.
    private static final int SENTENCE_SEARCH_LIMIT = 1000;
    private static final int MAX_ABBREVIATION = 3;
    private static final String ELLIPSIS = "…";

    private TitleFinder() {}

    /**
     * A headline is short and does not end like a sentence or a lead-in (".", ":", ";", ","). A closing
     * quote may follow such a mark, because headlines often end with a quoted name. Datelines, bylines and
     * chrome are never headlines, and neither is a list item.
     */
    static boolean isTitleLike(String line) {
        if (line.isEmpty() || line.length() > MAX_TITLE || line.split(" ").length < MIN_TITLE_WORDS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (".:;,".indexOf(last) >= 0 || !line.codePoints().anyMatch(Character::isLetter)) {
            return false;
        }
        return !"-–—•·*▪●◦".contains(line.substring(0, 1))
                && !DatelineFinder.isDateline(line)
                && !BylineFinder.isByline(line)
                && !NoiseFilter.isNoiseLine(line)
                && !ArticleEndMarkers.isEndMarker(line)
                && !AttributionLines.isTerminator(line);
    }

    /**
     * A section label above the headline ("Interview", "Politics"): a single word that is not a sentence.
     */
    static boolean isLabel(String line) {
        return !line.contains(" ") && line.codePoints().allMatch(Character::isLetterOrDigit);
    }

    /**
     * The first sentence of the paragraph as a headline: without its full stop, and cut at a word boundary
     * with "…" when longer than {@value #MAX_DERIVED_TITLE} characters.
     */
    static String fromFirstSentence(String paragraph) {
        String sentence = firstSentence(paragraph);
        if (sentence.endsWith(".") && !sentence.endsWith("..")) {
            sentence = sentence.substring(0, sentence.length() - 1);
        }
        if (sentence.length() <= MAX_DERIVED_TITLE) {
            return sentence;
        }
        int limit = MAX_DERIVED_TITLE - ELLIPSIS.length();
        int cut = sentence.lastIndexOf(' ', limit);
        String head = cut > 0 ? sentence.substring(0, cut) : sentence.substring(0, limit);
        return stripTrailingPunctuation(head) + ELLIPSIS;
    }

    static String firstSentence(String paragraph) {
        int limit = Math.min(paragraph.length(), SENTENCE_SEARCH_LIMIT);
        for (int i = 0; i < limit; i++) {
            char c = paragraph.charAt(i);
            if (".!?".indexOf(c) < 0) {
                continue;
            }
            int end = i + 1;
            while (end < paragraph.length() && Paragraphs.isClosingMark(paragraph.charAt(end))) {
                end++;
            }
            if (end == paragraph.length()) {
                return paragraph;
            }
            boolean nextStartsSentence = paragraph.charAt(end) == ' '
                    && end + 1 < paragraph.length()
                    && startsSentence(paragraph.charAt(end + 1));
            if (nextStartsSentence && !(c == '.' && endsAbbreviation(paragraph, i))) {
                return paragraph.substring(0, end);
            }
        }
        return limit < paragraph.length() ? paragraph.substring(0, limit) : paragraph;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘«(".indexOf(c) >= 0;
    }

    /** "Mr.", "Gen.", "U.S.", an initial such as "R.": a full stop that does not end the sentence. */
    private static boolean endsAbbreviation(String text, int dot) {
        int start = text.lastIndexOf(' ', dot - 1) + 1;
        String word = text.substring(start, dot);
        if (word.isEmpty()) {
            return false;
        }
        return word.contains(".")
                || (word.length() <= MAX_ABBREVIATION
                        && Character.isUpperCase(word.charAt(0))
                        && word.chars().allMatch(Character::isLetter));
    }

    private static String stripTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0 && ",;:-–—".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end).stripTrailing();
    }
}
