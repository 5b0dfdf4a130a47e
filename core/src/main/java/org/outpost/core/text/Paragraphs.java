package org.outpost.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds body paragraphs from blocks and tells article prose from headline-like fragments.
 */
final class Paragraphs {

    /** Prose is a sentence of at least this many words… */
    private static final int MIN_SENTENCE_WORDS = 8;
    /** …or an unpunctuated run at least this long (some pages drop final full stops). */
    private static final int MIN_RUN_WORDS = 25;

    // "- item", "• item", "1. item", "2) item": list items are paragraphs of their own even when the page
    // put no blank line between them.
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-–—•·*▪●◦]|\\d{1,3}[.)]) ");

    private Paragraphs() {}

    /** One paragraph per block, except that each list item starts a paragraph of its own. */
    static List<String> of(List<Block> blocks) {
        List<String> paragraphs = new ArrayList<>();
        for (Block block : blocks) {
            StringBuilder paragraph = new StringBuilder();
            for (String line : block.lines()) {
                if (!paragraph.isEmpty() && LIST_ITEM.matcher(line).lookingAt()) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(line);
            }
            String text = TextBlocks.collapse(paragraph.toString());
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        return paragraphs;
    }

    /** Whether any paragraph is article prose; a story without any is leftover navigation or chrome. */
    static boolean hasProse(List<String> paragraphs) {
        return paragraphs.stream().anyMatch(Paragraphs::isProse);
    }

    static boolean isProse(String text) {
        int words = countWords(text, MIN_RUN_WORDS);
        return words >= MIN_RUN_WORDS || (words >= MIN_SENTENCE_WORDS && endsLikeSentence(text));
    }

    static boolean endsLikeSentence(String text) {
        int end = text.length() - 1;
        while (end >= 0 && isClosingMark(text.charAt(end))) {
            end--;
        }
        return end >= 0 && ".!?…".indexOf(text.charAt(end)) >= 0;
    }

    static boolean isClosingMark(char c) {
        return "\"'”’»)]".indexOf(c) >= 0;
    }

    private static int countWords(String text, int enough) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length() && words < enough; i++) {
            boolean space = text.charAt(i) == ' ';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
