package org.outpost.crawler.extract;

import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;
import org.outpost.core.language.LanguageDetector;

/**
 * The page's language as one of Outpost's codes (en, ru, tg, uz, ky, kk, other): what the page declares
 * ({@code <html lang>}, {@code og:locale}, {@code Content-Language}) weighed against its text by core's
 * {@link LanguageDetector}, the one the API and re-scoring use too. The text wins when they disagree (a template's
 * "en" over Cyrillic prose, a site's default on its Kyrgyz edition); the declaration decides when the text is too
 * short to tell; null when neither says anything, so that the source's configured language applies.
 */
final class PageLanguage {

    private static final Map<String, String> THREE_LETTER = Map.of(
            "eng", "en", "rus", "ru", "uzb", "uz", "kaz", "kk", "kir", "ky", "tgk", "tg", "fra", "fr", "fre", "fr",
            "deu", "de", "ger", "de");

    private PageLanguage() {}

    static @Nullable String of(Document page, String text) {
        return LanguageDetector.shared()
                .recognise(declared(page), null, text)
                .map(Language::code)
                .orElse(null);
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

    private static @Nullable String content(Document page, String selector) {
        Element meta = page.selectFirst(selector + "[content]");
        return meta == null ? null : meta.attr("content");
    }
}
