package org.outpost.core.topic;

/** The writing system of a word, as far as analysis cares: Latin, Cyrillic, or anything else. */
enum Script {
    LATIN,
    CYRILLIC,
    OTHER;

    /** The script most of the letters in {@code chars[0, length)} belong to; digits and marks do not count. */
    static Script of(char[] chars, int length) {
        int latin = 0;
        int cyrillic = 0;
        int other = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    latin++;
                }
            } else if (c >= 0x0400 && c <= 0x052F) {
                cyrillic++;
            } else if (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF) || c == 0x02BB || c == 0x02BC) {
                // Latin-1, Latin Extended and the Uzbek modifier letter apostrophe (oʻ, gʻ)
                if (Character.isLetter(c)) {
                    latin++;
                }
            } else if (Character.isLetter(c)) {
                other++;
            }
        }
        if (cyrillic > latin && cyrillic >= other) {
            return CYRILLIC;
        }
        if (latin > 0 && latin >= other) {
            return LATIN;
        }
        return OTHER;
    }
}
