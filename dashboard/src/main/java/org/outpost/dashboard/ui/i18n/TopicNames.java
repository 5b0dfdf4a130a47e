package org.outpost.dashboard.ui.i18n;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A topic's name in the reader's language. The bundles name the nine default topics
 * ({@code topic.<id>}); a topic the operator defined, or renamed in their own topic file, keeps
 * the name its definition gives. (When topic definitions carry their own names per language,
 * this is the one place to ask them.)
 */
public final class TopicNames {

    private TopicNames() {}

    public static String of(String id, String definitionName) {
        return of(id, definitionName, Texts.locale());
    }

    /** Topic id → name, as the definitions give it, in the reader's language; same order. */
    public static Map<String, String> of(Map<String, String> definitionNames) {
        Locale locale = Texts.locale();
        Map<String, String> names = new LinkedHashMap<>();
        definitionNames.forEach((id, name) -> names.put(id, of(id, name, locale)));
        return names;
    }

    public static String of(String id, String definitionName, Locale locale) {
        String key = "topic." + id;
        String english = Texts.get(Locale.ENGLISH, key);
        // only the default topic under its default name: another file's "terrorism" may mean something else
        if (!english.equals(definitionName)) {
            return definitionName;
        }
        return Texts.get(locale, key);
    }
}
