package org.outpost.core.topic;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks acronyms (two to six capitals: ОДКБ, ИГИЛ, ГКНБ, IED, ISIS) as keywords so that the
 * stemmers leave them whole: Snowball reads the end of ИГИЛ as a past-tense verb ending and cuts
 * it to "иг", and Porter cut IED to "i", so that every English "I" and every transliterated
 * Russian "i" (and) counted as an explosive device. Runs before lower-casing, which would hide
 * that a word is an acronym.
 */
final class AcronymKeywordFilter extends TokenFilter {

    private static final int MAX_LENGTH = 6;

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
        if (length < 2 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!Character.isUpperCase(chars[i])) {
                return false;
            }
        }
        return true;
    }
}
