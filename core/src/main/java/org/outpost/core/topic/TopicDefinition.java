package org.outpost.core.topic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;

/**
 * A topic: weighted clauses in Lucene query syntax, exclusions, and the score at which an
 * article is labelled with it. {@code terms} and {@code exclude} are the English clauses;
 * {@code languages} holds the clauses of the other languages by code (ru, tg, uz, ky, kk), and
 * {@code names} the topic's name in those languages.
 */
public record TopicDefinition(
        String id,
        String name,
        String description,
        double threshold,
        List<Clause> terms,
        List<Clause> exclude,
        Map<String, Clauses> languages,
        Map<String, String> names) {

    /** The languages whose clauses live under {@code languages}; English is the top level. */
    static final List<Language> OTHER_LANGUAGES =
            List.of(Language.RU, Language.TG, Language.UZ, Language.KY, Language.KK);

    public TopicDefinition {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("topic id '" + id + "' must be lower_snake_case");
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("topic " + id + ": threshold must be in (0, 1], was " + threshold);
        }
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        terms = terms == null ? List.of() : List.copyOf(terms);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        languages = byCode(id, "languages", languages);
        names = byCode(id, "names", names);
        if (terms.isEmpty()
                && languages.values().stream().allMatch(c -> c.terms().isEmpty())) {
            throw new IllegalArgumentException("topic " + id + " has no terms");
        }
    }

    /** An English-only topic, as topic files were before they had languages. */
    public TopicDefinition(
            String id, String name, String description, double threshold, List<Clause> terms, List<Clause> exclude) {
        this(id, name, description, threshold, terms, exclude, Map.of(), Map.of());
    }

    /** The clauses that count for a text in {@code language}; none for {@link Language#OTHER}. */
    public Clauses clauses(Language language) {
        if (language == Language.EN) {
            return new Clauses(terms, exclude);
        }
        Clauses own = languages.get(language.code());
        return own == null ? Clauses.NONE : own;
    }

    /** The name for a reader of {@code locale}: the one in the reader's language, else {@link #name()}. */
    public String displayName(Locale locale) {
        String own = names.get(locale.getLanguage());
        return own == null ? name : own;
    }

    private static <T> Map<String, T> byCode(String id, String what, @Nullable Map<String, T> given) {
        if (given == null) {
            return Map.of();
        }
        Map<String, T> out = new LinkedHashMap<>();
        for (Map.Entry<String, T> entry : given.entrySet()) {
            Language language = Language.ofCode(entry.getKey());
            if (language == null
                    || !OTHER_LANGUAGES.contains(language)
                    || !language.code().equals(entry.getKey().strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("topic " + id + ": unknown language code '" + entry.getKey()
                        + "' in " + what + " (known: " + codes() + "; English clauses go in terms and exclude)");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("topic " + id + ": " + what + "." + language.code() + " is empty");
            }
            out.put(language.code(), entry.getValue());
        }
        return Map.copyOf(out);
    }

    private static String codes() {
        List<String> codes = new ArrayList<>();
        OTHER_LANGUAGES.forEach(l -> codes.add(l.code()));
        return String.join(", ", codes);
    }

    /** One clause and its weight; for an exclusion the weight is subtracted. */
    public record Clause(String query, double weight) {
        public Clause {
            Objects.requireNonNull(query, "query");
            if (weight <= 0) {
                throw new IllegalArgumentException("clause '" + query + "': weight must be positive, was " + weight);
            }
        }
    }

    /** A language's clauses: terms that add, exclusions that subtract. */
    public record Clauses(List<Clause> terms, List<Clause> exclude) {
        static final Clauses NONE = new Clauses(List.of(), List.of());

        public Clauses {
            terms = terms == null ? List.of() : List.copyOf(terms);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }
    }
}
