package org.outpost.core.topic;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks acronyms as keywords so that the stemmers leave them whole: Cyrillic words of two to
 * six capitals (ОДКБ, ИГИЛ, ГКНБ, ЦАРИКЦ), because Snowball reads the end of ИГИЛ as a
 * past-tense verb ending and cuts it to "иг"; Latin words of two or three capitals (IED, IMU,
 * SCO), because Porter cut IED to "i", so that every English "I" and every transliterated
 * Russian "i" (and) counted as an explosive device. Longer Latin words in capitals are left to
 * Porter: in a headline set in capitals ("DRUGS SEIZED") they are ordinary words. Runs before
 * lower-casing, which would hide that a word is an acronym.
 */
final class AcronymKeywordFilter extends TokenFilter {

    private static final int MAX_CYRILLIC = 6;
    private static final int MAX_LATIN = 3;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    AcronymKeywordFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (isAcronym(term.buffer(), term.length())) {
            keyword.setKeyword(true);
        }
        return true;
    }

    private static boolean isAcronym(char[] chars, int length) {
        if (length < 2 || length > MAX_CYRILLIC) {
            return false;
        }
        boolean latin = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (!Character.isUpperCase(c)) {
                return false;
            }
            latin |= c < 0x0400;
        }
        return !latin || length <= MAX_LATIN;
    }
}
