package org.outpost.crawler.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's language: what it declares ({@code <html lang>}, {@code og:locale},
 * {@code Content-Language}) reduced to the primary subtag, else a guess from the text. A
 * declaration whose script the text contradicts ("en" over Cyrillic prose, a template default
 * on a site's Russian edition) gives way to the guess.
 */
final class PageLanguage {

    private static final Set<String> CYRILLIC_ONLY = Set.of("ru", "uk", "be", "ky", "tg", "bg", "mk", "mn");
    private static final Set<String> LATIN_ONLY = Set.of("en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "cs");
    private static final Map<String, String> THREE_LETTER = Map.of("eng", "en", "rus", "ru", "uzb", "uz", "kaz", "kk",
            "kir", "ky", "tgk", "tg", "fra", "fr", "fre", "fr", "deu", "de", "ger", "de");

    private PageLanguage() {
    }

    static @Nullable String of(Document page, String text) {
        String declared = declared(page);
        String guessed = LanguageGuess.guess(text);
        if (declared == null) {
            return guessed;
        }
        if (guessed != null && contradicts(declared, text)) {
            return guessed;
        }
        return declared;
    }

    private static @Nullable String declared(Document page) {
        Element html = page.selectFirst("html");
        String[] candidates = {
            html == null ? null : html.attr("lang"),
            html == null ? null : html.attr("xml:lang"),
            content(page, "meta[property=og:locale]"),
            content(page, "meta[http-equiv=content-language]"),
            content(page, "meta[name=language]"),
            content(page, "meta[name=dc.language]"),
        };
        for (String candidate : candidates) {
            String code = primarySubtag(candidate);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** "ru-RU", "ru_RU", "RU" and "rus" are all "ru"; "x-default" and "*" are nothing. */
    static @Nullable String primarySubtag(@Nullable String tag) {
        if (tag == null) {
            return null;
        }
        String first = tag.strip().split("[-_,;\\s]", 2)[0].toLowerCase(Locale.ROOT);
        if (first.matches("[a-z]{2}")) {
            return first;
        }
        return THREE_LETTER.get(first);
    }

    private static boolean contradicts(String declared, String fullText) {
        String text = fullText.length() > 6000 ? fullText.substring(0, 6000) : fullText;
        long cyrillic = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count();
        long latin = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        long letters = cyrillic + latin;
        if (letters < 200) {
            return false;
        }
        return CYRILLIC_ONLY.contains(declared) && latin > 0.8 * letters
                || LATIN_ONLY.contains(declared) && cyrillic > 0.8 * letters;
    }

    private static @Nullable String content(Document page, String selector) {
        Element meta = page.selectFirst(selector + "[content]");
        return meta == null ? null : meta.attr("content");
    }
}
