package org.outpost.crawler.source;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.InterfaceLanguage;

/**
 * Why a source was refused, in English or Russian, from the {@code org/outpost/crawler/messages}
 * bundles (UTF-8). Any other locale reads English.
 */
final class SourceTexts {

    static final Locale RUSSIAN = InterfaceLanguage.RUSSIAN;
    private static final String BUNDLE = "org.outpost.crawler.messages";
    private static final SourceTexts ENGLISH_TEXTS = new SourceTexts(Locale.ENGLISH);
    private static final SourceTexts RUSSIAN_TEXTS = new SourceTexts(RUSSIAN);

    /** An argument that is itself a text of the bundle, translated with the sentence around it. */
    record Key(String key) {}

    private final Locale locale;
    private final ResourceBundle bundle;

    private SourceTexts(Locale locale) {
        this.locale = locale;
        this.bundle = InterfaceLanguage.bundle(BUNDLE, locale, SourceTexts.class.getClassLoader());
    }

    /** Russian for any Russian locale, English for everything else. */
    static SourceTexts in(@Nullable Locale locale) {
        return InterfaceLanguage.isRussian(locale) ? RUSSIAN_TEXTS : ENGLISH_TEXTS;
    }

    /**
     * The sentence under {@code key} with its arguments filled in. Always through MessageFormat,
     * so every text quotes an apostrophe the same way ({@code ''}); numbers are passed as text by
     * the callers, since "4,096" or a year written "2 199" would read as a different number.
     */
    String get(String key, Object... arguments) {
        Object[] filled = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            filled[i] = arguments[i] instanceof Key k ? bundle.getString(k.key()) : arguments[i];
        }
        return new MessageFormat(bundle.getString(key), locale).format(filled);
    }
}
