package org.outpost.dashboard.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.outpost.core.language.InterfaceLanguage;
import org.outpost.dashboard.user.UserLanguages;
import org.springframework.stereotype.Component;

/**
 * Every text of the interface, from {@code vaadin-i18n/translations*.properties} (UTF-8). A bean,
 * so Vaadin uses it for {@code getTranslation}; it also picks a new session's language from the
 * browser's among {@link #getProvidedLocales} (the first, English, when none matches). Bundles do
 * not fall back to the JVM's default locale: a server running in German still shows English.
 */
@Component
class Messages implements I18NProvider {

    static final String BUNDLE = "vaadin-i18n/translations";

    @Override
    public List<Locale> getProvidedLocales() {
        return UserLanguages.SUPPORTED;
    }

    /** A missing key shows as {@code !key!}, so it is seen on the page and caught by the bundle tests. */
    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String text = bundle(locale).getString(key);
            // only with parameters: a text without them may then hold a plain apostrophe
            return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** English is the base bundle (translations.properties). */
    static ResourceBundle bundle(Locale locale) {
        return InterfaceLanguage.bundle(BUNDLE, locale, Messages.class.getClassLoader());
    }
}
