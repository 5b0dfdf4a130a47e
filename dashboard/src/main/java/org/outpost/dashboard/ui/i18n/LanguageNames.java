package org.outpost.dashboard.ui.i18n;

import java.util.Locale;
import org.outpost.core.language.Language;

/** An article's language code ({@code ru}) as the reader's language names it: "Russian" / "русский"; unknown codes as they are. */
public final class LanguageNames {

    private LanguageNames() {}

    public static String of(String code) {
        return of(code, Texts.locale());
    }

    public static String of(String code, Locale locale) {
        Language language = Language.ofCode(code);
        return language == null ? code : language.displayName(locale);
    }
}
