package org.outpost.alerts;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.InterfaceLanguage;

/**
 * What alerts and reports say, in English or Russian, from the {@code org/outpost/alerts/messages}
 * bundles (UTF-8): sentences, date patterns, plural forms. Any other locale reads English.
 */
public final class ReaderTexts {

    public static final Locale RUSSIAN = InterfaceLanguage.RUSSIAN;
    private static final String BUNDLE = "org.outpost.alerts.messages";
    private static final ReaderTexts ENGLISH_TEXTS = new ReaderTexts(Locale.ENGLISH);
    private static final ReaderTexts RUSSIAN_TEXTS = new ReaderTexts(RUSSIAN);

    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    private ReaderTexts(Locale locale) {
        this.locale = locale;
        this.bundle = InterfaceLanguage.bundle(BUNDLE, locale, ReaderTexts.class.getClassLoader());
        this.dateTime = DateTimeFormatter.ofPattern(bundle.getString("format.dateTime"), locale);
        this.date = DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
    }

    /** Russian for any Russian locale, English for everything else. */
    public static ReaderTexts of(@Nullable Locale locale) {
        return InterfaceLanguage.isRussian(locale) ? RUSSIAN_TEXTS : ENGLISH_TEXTS;
    }

    /** The locale the texts are in: English or Russian. */
    public Locale locale() {
        return locale;
    }

    /** The sentence under {@code key}, with {@code {0}}, {@code {1}}… filled in (numbers in the reader's format). */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A text that may be missing from the bundle (a topic's translated name). */
    public @Nullable String find(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * The plural form of {@code key} for {@code n} ({@link InterfaceLanguage#pluralForm}), with {@code {0}} the
     * number; a form the bundle lacks reads {@code key.other} ("1 article", "2 articles"; "1 статья", "3 статьи",
     * "5 статей", "21 статья").
     */
    public String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        String form = key + "." + InterfaceLanguage.pluralForm(locale, n);
        return new MessageFormat(find(form) != null ? bundle.getString(form) : bundle.getString(key + ".other"), locale)
                .format(args);
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return dateTime.format(instant.atZone(zone));
    }

    public String date(Instant instant, ZoneId zone) {
        return date.format(instant.atZone(zone));
    }

    /** One decimal, in the reader's way ("1.5", "1,5"). */
    public String decimal(double value) {
        return String.format(locale, "%.1f", value);
    }
}
