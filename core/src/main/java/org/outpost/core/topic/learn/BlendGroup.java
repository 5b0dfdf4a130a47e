package org.outpost.core.topic.learn;

import org.outpost.core.language.Language;

/**
 * The languages that share one blend of rules and model. The clauses differ in kind between them
 * (the national languages have only strong clauses, so their rule scores run lower) and so does
 * how much the model has learned, so how far to trust each part is learned per group.
 */
public enum BlendGroup {
    ENGLISH("en"),
    RUSSIAN("ru"),
    NATIONAL("national");

    private final String code;

    BlendGroup(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** English and languages we have no clauses for (scored by the English and Russian strong clauses) share English's. */
    public static BlendGroup of(Language language) {
        return switch (language) {
            case RU -> RUSSIAN;
            case TG, UZ, KY, KK -> NATIONAL;
            case EN, OTHER -> ENGLISH;
        };
    }
}
