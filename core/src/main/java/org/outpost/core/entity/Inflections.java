package org.outpost.core.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which gazetteer words a text word may be an inflected form of: a lemma table generated from the gazetteer's own
 * words by {@link WordForms}, so that nothing is listed by hand and nothing is matched that is not a form of a name.
 *
 * <p>Looking a word up costs one hash lookup for its Russian forms and, for a word that ends in a national-language
 * suffix, one more per such suffix: tagging stays linear in the length of the text.
 *
 * <p>Immutable once built.
 */
final class Inflections {

    private static final String[] NONE = new String[0];

    /** The gazetteer's words (lower case, folded) that take inflections. */
    private final Set<String> lemmas;
    /** Russian forms → the gazetteer words they are forms of. */
    private final Map<String, String[]> russian;

    private Inflections(Set<String> lemmas, Map<String, String[]> russian) {
        this.lemmas = lemmas;
        this.russian = russian;
    }

    /** The table for these gazetteer words (lower case, folded). */
    static Inflections of(Collection<String> words) {
        Set<String> lemmas = new HashSet<>();
        Map<String, List<String>> forms = new HashMap<>();
        for (String word : words) {
            if (word.length() < WordForms.MIN_LETTERS || !lemmas.add(word)) {
                continue;
            }
            for (String form : WordForms.russianForms(word)) {
                forms.computeIfAbsent(form, k -> new ArrayList<>(1)).add(word);
            }
        }
        Map<String, String[]> russian = new HashMap<>(forms.size() * 2);
        forms.forEach((form, of) -> russian.put(form, of.toArray(String[]::new)));
        return new Inflections(Set.copyOf(lemmas), russian);
    }

    /**
     * The gazetteer words a text word (lower case, folded) may stand for besides itself: those it is a Russian form
     * of, and those it is with a national-language suffix taken off. Empty for most words.
     */
    String[] lemmasOf(String lower) {
        if (lower.length() < WordForms.MIN_LETTERS) {
            return NONE;
        }
        char first = lower.charAt(0);
        // only Cyrillic words have Russian forms; a Latin word is spared the lookup
        String[] forms = first >= '\u0400' && first <= '\u052F' ? russian.getOrDefault(lower, NONE) : NONE;
        List<String> more = null;
        for (String base : WordForms.withoutSuffix(lower)) {
            if (lemmas.contains(base)) {
                if (more == null) {
                    more = new ArrayList<>(forms.length + 1);
                    more.addAll(List.of(forms));
                }
                if (!more.contains(base)) {
                    more.add(base);
                }
            }
        }
        return more == null ? forms : more.toArray(String[]::new);
    }

    int size() {
        return russian.size();
    }
}
