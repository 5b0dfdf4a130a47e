package org.outpost.core.entity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into the word tokens the tagger matches, with their offsets in the original text and their folded
 * forms. Used the same way for the gazetteer's aliases and for the texts tagged, so that both sides agree.
 *
 * <ul>
 *   <li>A token is a run of letters and digits (combining marks included); an apostrophe between two letters stays
 *       inside it ("Qa'ida", "Farg'ona") and is dropped from its folded form.
 *   <li>A possessive "'s" (any apostrophe) becomes a token of its own, {@link #POSSESSIVE}, so "Tajikistan's" matches
 *       Tajikistan with a mention that ends before the apostrophe, and "People's Republic" can still be an alias.
 *   <li>Dotted capitals such as "U.S." or "U.N." become one token, "US" or "UN".
 *   <li>Folding removes diacritics ("António" → "Antonio", "Türkiye" → "Turkiye", "Oʻzbekiston" → "Ozbekiston",
 *       "ё" → "е", "ӣ" → "и") and a few letters NFD does not decompose (ı, ł, ø, ß, æ, œ, ə…); Russian "й" stays;
 *       the letters of Tajik, Uzbek, Kyrgyz and Kazakh Cyrillic become their Russian counterparts (ҳ → х, қ → к,
 *       ҷ → дж, ң → н, ө → о, ү → у, ә → а, і → и…), the way Russian texts transliterate them.
 *   <li>Each token records whether the gap before it may be crossed by a multi-word name: only blanks (with at most
 *       one line break), hyphens and dashes other than the em dash, and a slash ("RFE/RL") may be.
 * </ul>
 */
final class Tokens {

    /** The folded form of the possessive token. */
    static final String POSSESSIVE = "'s";

    /**
     * One token.
     *
     * @param start     offset of its first character in the text
     * @param end       offset just past it
     * @param folded    the folded form with its case kept, e.g. "Antonio", "US"
     * @param lower     the folded form in lower case
     * @param joined    whether a multi-word name may run from the token before into this one
     * @param dotted    whether it was written with dots, "U.S."
     */
    record Token(int start, int end, String folded, String lower, boolean joined, boolean dotted) {

        boolean possessive() {
            return POSSESSIVE.equals(folded);
        }

        boolean capitalized() {
            return !folded.isEmpty() && Character.isUpperCase(folded.codePointAt(0));
        }

        /** At least {@code minLetters} letters, none of them lower case. */
        boolean allCaps(int minLetters) {
            int letters = 0;
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                if (Character.isLetter(c)) {
                    if (!Character.isUpperCase(c)) {
                        return false;
                    }
                    letters++;
                }
            }
            return letters >= minLetters;
        }

        /** Whether the token is written in Cyrillic letters (judged by its first letter). */
        boolean cyrillic() {
            for (int i = 0; i < folded.length(); i++) {
                char c = folded.charAt(i);
                if (Character.isLetter(c)) {
                    return Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
                }
            }
            return false;
        }

        int letters() {
            int letters = 0;
            for (int i = 0; i < folded.length(); i++) {
                if (Character.isLetter(folded.charAt(i))) {
                    letters++;
                }
            }
            return letters;
        }
    }

    private Tokens() {}

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 6));
        int n = text.length();
        int i = 0;
        int previousEnd = -1;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            boolean joined = previousEnd >= 0 && joinable(text, previousEnd, i);
            int dottedEnd = dottedAcronymEnd(text, i);
            if (dottedEnd > 0) {
                StringBuilder letters = new StringBuilder();
                for (int k = i; k < dottedEnd; k++) {
                    if (text.charAt(k) != '.') {
                        letters.append(text.charAt(k));
                    }
                }
                String folded = letters.toString();
                tokens.add(new Token(i, dottedEnd, folded, folded.toLowerCase(Locale.ROOT), joined, true));
                previousEnd = dottedEnd;
                i = dottedEnd;
                continue;
            }
            int start = i;
            boolean possessive = false;
            while (i < n) {
                int c = text.codePointAt(i);
                if (isWordChar(c) || isMark(c)) {
                    i += Character.charCount(c);
                } else if (isApostrophe(c) && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
                    int next = text.codePointAt(i + 1);
                    int after = i + 1 + Character.charCount(next);
                    if ((next == 's' || next == 'S') && (after >= n || !isWordChar(text.codePointAt(after)))) {
                        possessive = true;
                        break;
                    }
                    i += Character.charCount(c);
                } else {
                    break;
                }
            }
            String folded = fold(text, start, i);
            if (!folded.isEmpty()) {
                tokens.add(new Token(start, i, folded, folded.toLowerCase(Locale.ROOT), joined, false));
                previousEnd = i;
            }
            if (possessive) {
                int end = i + 2;
                tokens.add(new Token(i, end, POSSESSIVE, POSSESSIVE, true, false));
                previousEnd = end;
                i = end;
            }
        }
        return tokens;
    }

    /**
     * The end of a dotted acronym ("U.S.", "U.N", "U.S.A.") starting at {@code start}, trailing dot included, or -1 if
     * there is none: single capitals each followed by a dot, at least two of them, the last dot optional.
     */
    private static int dottedAcronymEnd(String text, int start) {
        int n = text.length();
        if (start > 0 && (isWordChar(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            return -1;
        }
        int i = start;
        int letters = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isUpperCase(c) || (i + 1 < n && isWordChar(text.codePointAt(i + 1)))) {
                break;
            }
            letters++;
            i++;
            if (i < n && text.charAt(i) == '.') {
                i++;
                continue;
            }
            break;
        }
        if (letters < 2) {
            return -1;
        }
        // "U.S.Army" is no acronym we can trust
        if (i < n && isWordChar(text.codePointAt(i))) {
            return -1;
        }
        return i;
    }

    /** Whether the gap text[from, to) may be crossed by a multi-word name. */
    private static boolean joinable(String text, int from, int to) {
        int lineBreaks = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                if (++lineBreaks > 1) {
                    return false;
                }
            } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || isJoiningDash(c) || c == '/')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJoiningDash(char c) {
        // hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, minus sign; not the em dash
        return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2212';
    }

    static boolean isApostrophe(int c) {
        return c == '\''
                || c == '\u2019'
                || c == '\u2018'
                || c == '\u02BC'
                || c == '\u02BB'
                || c == '`'
                || c == '\u00B4'
                || c == '\u2032'
                || c == '\uFF07';
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) && !isApostrophe(c);
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** The folded form of text[start, end): no diacritics, no apostrophes, case kept. */
    static String fold(CharSequence text, int start, int end) {
        boolean ascii = true;
        for (int k = start; k < end; k++) {
            if (text.charAt(k) > 0x7F) {
                ascii = false;
                break;
            }
        }
        CharSequence source = ascii
                ? text.subSequence(start, end)
                : Normalizer.normalize(text.subSequence(start, end), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(source.length());
        for (int k = 0; k < source.length(); k++) {
            char c = source.charAt(k);
            if (c == '\u0306'
                    && !out.isEmpty()
                    && (out.charAt(out.length() - 1) == '\u0438' || out.charAt(out.length() - 1) == '\u0418')) {
                // NFD splits й into и and a breve; й is a letter of its own in Russian, not и with an accent
                out.setCharAt(out.length() - 1, out.charAt(out.length() - 1) == '\u0438' ? '\u0439' : '\u0419');
                continue;
            }
            if (isApostrophe(c) || (!ascii && isMark(c))) {
                continue;
            }
            if (ascii) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\u0131' -> out.append('i'); // dotless i
                case '\u0142' -> out.append('l'); // ł
                case '\u0141' -> out.append('L');
                case '\u00F8' -> out.append('o'); // ø
                case '\u00D8' -> out.append('O');
                case '\u0111', '\u00F0' -> out.append('d'); // đ ð
                case '\u0110', '\u00D0' -> out.append('D');
                case '\u00DF' -> out.append("ss"); // ß
                case '\u00E6' -> out.append("ae");
                case '\u00C6' -> out.append("AE");
                case '\u0153' -> out.append("oe");
                case '\u0152' -> out.append("OE");
                case '\u00FE' -> out.append("th");
                case '\u00DE' -> out.append("TH");
                case '\u0127' -> out.append('h'); // ħ
                case '\u0126' -> out.append('H');
                case '\u0259' -> out.append('e'); // ə, Azerbaijani
                case '\u018F' -> out.append('E');
                // the national letters of Tajik, Uzbek, Kyrgyz and Kazakh Cyrillic fold to the Russian letters that
                // transliterate them, so that Раҳмон = Рахмон, Тоқаев = Токаев, Хуҷанд = Худжанд
                case '\u04B3', '\u04BB' -> out.append('\u0445'); // ҳ һ -> х
                case '\u04B2', '\u04BA' -> out.append('\u0425');
                case '\u049B' -> out.append('\u043A'); // қ -> к
                case '\u049A' -> out.append('\u041A');
                case '\u0493' -> out.append('\u0433'); // ғ -> г
                case '\u0492' -> out.append('\u0413');
                case '\u04B7' -> out.append("\u0434\u0436"); // ҷ -> дж
                case '\u04B6' -> out.append("\u0414\u0436");
                case '\u04A3' -> out.append('\u043D'); // ң -> н
                case '\u04A2' -> out.append('\u041D');
                case '\u04E9' -> out.append('\u043E'); // ө -> о
                case '\u04E8' -> out.append('\u041E');
                case '\u04AF', '\u04B1' -> out.append('\u0443'); // ү ұ -> у
                case '\u04AE', '\u04B0' -> out.append('\u0423');
                case '\u04D9' -> out.append('\u0430'); // ә -> а
                case '\u04D8' -> out.append('\u0410');
                case '\u0456' -> out.append('\u0438'); // і -> и
                case '\u0406' -> out.append('\u0418');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
