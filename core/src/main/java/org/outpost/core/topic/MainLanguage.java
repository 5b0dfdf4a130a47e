package org.outpost.core.topic;

import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;

/**
 * A text's main language guessed from its letters alone, for callers that do not pass the
 * language they detected: the script most letters are in (Latin → English, Cyrillic →
 * Russian, anything else → other), with the letters only a national language has deciding
 * for it (ҷ ӣ ӯ Tajik; ә ұ һ і Kazakh; ң ө ү Kyrgyz; ў Uzbek; and oʻ gʻ for Uzbek in Latin
 * letters). A real detector does better on short and mixed texts; this only has to send a
 * text to the right clause list.
 */
final class MainLanguage {

    /** Share of a text's letters that must be national-only ones: loan names in Russian text have a few. */
    private static final double NATIONAL_SHARE = 0.005;

    private MainLanguage() {}

    static Language of(@Nullable String title, String body) {
        int latin = 0;
        int cyrillic = 0;
        int other = 0;
        int tajik = 0;
        int kazakh = 0;
        int kyrgyz = 0;
        int uzbek = 0;
        int uzbekLatin = 0;
        String text = title == null ? body : title + "\n" + body;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (!Character.isLetter(c)) {
                if ((c == '\'' || c == '‘' || c == '’')
                        && i > 0
                        && i + 1 < text.length()
                        && "og".indexOf(Character.toLowerCase(text.charAt(i - 1))) >= 0
                        && Character.isLetter(text.charAt(i + 1))) {
                    uzbekLatin++; // o'z, g'o: "o'clock" is why plain apostrophes need two
                }
                continue;
            }
            if (c >= 0x0400 && c <= 0x052F) {
                cyrillic++;
                switch (c) {
                    case 'ҷ', 'ӣ', 'ӯ' -> tajik++;
                    case 'ә', 'ұ', 'һ', 'і' -> kazakh++;
                    case 'ң', 'ө', 'ү' -> kyrgyz++;
                    case 'ў' -> uzbek++;
                    case 'ҳ' -> {
                        tajik++;
                        uzbek++;
                    }
                    default -> {}
                }
            } else if (c == 'ʻ') {
                latin++;
                uzbekLatin += 2; // the Uzbek oʻ and gʻ: no other language here writes this letter
            } else if (Script.of(new char[] {c}, 1) == Script.LATIN) {
                latin++;
            } else {
                other++;
            }
        }
        if (cyrillic > latin && cyrillic > other) {
            double floor = Math.max(1, cyrillic * NATIONAL_SHARE);
            if (kazakh >= floor) {
                return Language.KK; // Kazakh has ң ө ү too
            }
            if (kyrgyz >= floor) {
                return Language.KY;
            }
            if (tajik >= floor || uzbek >= floor) {
                return uzbek > tajik ? Language.UZ : Language.TG;
            }
            return Language.RU;
        }
        if (latin > other) {
            return uzbekLatin >= 2 ? Language.UZ : Language.EN;
        }
        return Language.OTHER;
    }
}
