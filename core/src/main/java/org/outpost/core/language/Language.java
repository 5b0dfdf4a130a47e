package org.outpost.core.language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The languages an article is recognised in: Russian, the region's common language of news; English; and the
 * national languages of Central Asia. Uzbek is one language in either script. Everything else is {@link #OTHER}:
 * stored and searchable, but scored only by whatever English or Russian it contains.
 */
public enum Language {
    EN("en", "English", "английский"),
    RU("ru", "Russian", "русский"),
    TG("tg", "Tajik", "таджикский"),
    UZ("uz", "Uzbek", "узбекский"),
    KY("ky", "Kyrgyz", "киргизский"),
    KK("kk", "Kazakh", "казахский"),
    OTHER("other", "Other", "другой");

    private final String code;
    private final String englishName;
    private final String russianName;

    Language(String code, String englishName, String russianName) {
        this.code = code;
        this.englishName = englishName;
        this.russianName = russianName;
    }

    /** The code stored with an article: ISO 639-1 for the languages above, {@code other} for the rest. */
    public String code() {
        return code;
    }

    /** The language's name for a reader of {@code locale} (Russian for {@code ru}, English otherwise). */
    public String displayName(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? russianName : englishName;
    }

    /**
     * The distinct codes of these values ("RU" and "ru-RU" read as ru), in their order; a value that names none of
     * ours is refused with {@code unknown(value, every code)}, for a filter that must not silently match nothing.
     */
    public static List<String> codesOf(List<String> values, BiFunction<String, String, RuntimeException> unknown) {
        List<String> codes = new ArrayList<>();
        for (String value : values) {
            Language language = ofCode(value);
            if (language == null) {
                throw unknown.apply(
                        value,
                        String.join(
                                ", ",
                                Arrays.stream(values()).map(Language::code).toList()));
            }
            if (!codes.contains(language.code())) {
                codes.add(language.code());
            }
        }
        return List.copyOf(codes);
    }

    /** The language for a stored code or a declared tag ("ru", "RU", "ru-RU", "rus"); null for none of ours. */
    public static @Nullable Language ofCode(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String primary = code.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(primary)) {
                return language;
            }
        }
        return switch (primary) {
            case "eng" -> EN;
            case "rus" -> RU;
            case "tgk", "tgk-cyrl" -> TG;
            case "uzb", "uzn" -> UZ;
            case "kir" -> KY;
            case "kaz" -> KK;
            default -> null;
        };
    }
}
