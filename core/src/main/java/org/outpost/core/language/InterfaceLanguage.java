package org.outpost.core.language;

import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * What every module's message bundles share: the interface, emails and error messages are written in English and
 * Russian; a reader of any Russian locale gets Russian, every other reader the base (English) bundle; and counted
 * texts choose their form by the language's plural rule.
 */
public final class InterfaceLanguage {

    public static final Locale RUSSIAN = Locale.of("ru");

    // without it, a reader whose language has no bundle would get the JVM's default locale, and a server set up in
    // Russian would write to English readers in Russian
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private InterfaceLanguage() {}

    public static boolean isRussian(@Nullable Locale reader) {
        return reader != null && RUSSIAN.getLanguage().equals(reader.getLanguage());
    }

    /** The bundle {@code baseName} for this reader (properties bundles are read as UTF-8). */
    public static ResourceBundle bundle(String baseName, @Nullable Locale reader, ClassLoader loader) {
        return ResourceBundle.getBundle(baseName, isRussian(reader) ? RUSSIAN : Locale.ROOT, loader, NO_FALLBACK);
    }

    /**
     * The suffix of a counted text's key for {@code n}: Russian has {@code one}, {@code few} and {@code many}
     * (1 статья, 3 статьи, 5 статей, 21 статья), English {@code one} and {@code many}.
     */
    public static String pluralForm(@Nullable Locale reader, long n) {
        long abs = Math.abs(n);
        if (!isRussian(reader)) {
            return abs == 1 ? "one" : "many";
        }
        long units = abs % 10;
        long tens = abs % 100;
        if (units == 1 && tens != 11) {
            return "one";
        }
        return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? "few" : "many";
    }
}
