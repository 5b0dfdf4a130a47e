package org.outpost.dashboard.article.ui;

import java.util.Locale;
import org.outpost.core.entity.Gazetteer;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * "org:CSTO" as a reader wants to see it: "CSTO (organisation)" / "ОДКБ (организация)". The one
 * place that names an entity for the interface: the gazetteer's name in the reader's language,
 * else its canonical name (filters and links keep the canonical {@code type:Name}).
 */
public final class EntityNames {

    private EntityNames() {}

    public static String label(String typed) {
        return label(typed, Texts.locale());
    }

    public static String label(String typed, Locale locale) {
        int colon = typed.indexOf(':');
        if (colon < 0) {
            return typed;
        }
        return name(typed, locale) + " (" + type(typed.substring(0, colon), locale) + ")";
    }

    /** The entity's name without its type: "CSTO". */
    public static String name(String typed, Locale locale) {
        return Gazetteer.defaults().displayName(typed, locale);
    }

    /** "organisation" / "организация"; a type the bundles do not know as it is. */
    static String type(String type, Locale locale) {
        String name = Texts.get(locale, "entity.type." + type);
        return name.startsWith("!") ? type : name;
    }
}
