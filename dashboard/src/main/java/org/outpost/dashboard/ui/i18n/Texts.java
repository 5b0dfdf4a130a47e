package org.outpost.dashboard.ui.i18n;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.outpost.core.language.InterfaceLanguage;
import org.outpost.dashboard.user.UserLanguages;

/**
 * The bundles' texts for code that is not a component (helpers, item label generators), and
 * counted texts: {@code key.one}, {@code key.few} and {@code key.many} in every bundle, chosen by
 * the language's plural rule (Russian: 1 статья, 2 статьи, 5 статей, 21 статья).
 */
public final class Texts {

    private static final Messages MESSAGES = new Messages();

    private Texts() {}

    /** The reader's language: the current page's, English outside a page (a background thread, a test). */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? UserLanguages.ENGLISH : ui.getLocale();
    }

    /** The text of this key in the reader's language, {@code {0}}… replaced by the parameters. */
    public static String get(String key, Object... params) {
        return get(locale(), key, params);
    }

    public static String get(Locale locale, String key, Object... params) {
        return MESSAGES.getTranslation(key, locale, params);
    }

    /** "1 article", "5 articles" / "1 статья", "5 статей": the number is {@code {0}}, further parameters {@code {1}}…. */
    public static String count(String key, long n, Object... more) {
        return count(locale(), key, n, more);
    }

    public static String count(Locale locale, String key, long n, Object... more) {
        Object[] params = new Object[more.length + 1];
        params[0] = n;
        System.arraycopy(more, 0, params, 1, more.length);
        return MESSAGES.getTranslation(key + "." + InterfaceLanguage.pluralForm(locale, n), locale, params);
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago", in the reader's language. */
    public static String ago(Instant then, Instant now) {
        return ago(locale(), then, now);
    }

    public static String ago(Locale locale, Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.toMinutes() < 1) {
            return get(locale, "time.justNow");
        }
        if (age.toHours() < 1) {
            return get(locale, "time.minutesAgo", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return get(locale, "time.hoursAgo", age.toHours());
        }
        return count(locale, "time.daysAgo", age.toDays());
    }
}
