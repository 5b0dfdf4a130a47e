package org.outpost.core.topic;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Marks Cyrillic acronyms (two to six capitals: ОДКБ, ИГИЛ, ГКНБ, УНП) as keywords so that the
 * Russian stemmer leaves them whole: Snowball reads the end of ИГИЛ as a past-tense verb ending
 * and cuts it to "иг". Runs before lower-casing, which would hide that a word is an acronym;
 * Latin acronyms are left to the English analysis as before.
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
        if (isCyrillicAcronym(term.buffer(), term.length())) {
            keyword.setKeyword(true);
        }
        return true;
    }

    private static boolean isCyrillicAcronym(char[] chars, int length) {
        if (length < 2 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x0400 || c > 0x052F || !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }
}
