package org.outpost.core.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * English and Russian told from the languages that share their scripts, by the character n-gram profiles of the
 * Optimaize language detector (the one Apache Tika uses). Only the profiles of Latin and Cyrillic languages a
 * regional news page could plausibly be in are loaded: each costs about half a megabyte of heap, and a language
 * without a profile cannot be told from English or Russian at all. The detector is immutable and thread-safe.
 */
final class NgramLanguages {

    /** Below this probability the text is not clearly English or Russian; it is then not ours. */
    private static final double MIN_PROBABILITY = 0.80;

    private static final List<String> PROFILES = List.of(
            "en",
            "ru",
            // Cyrillic neighbours
            "uk",
            "be",
            "bg",
            "mk",
            "sr",
            // Latin languages of the region, its partners and its press
            "tr",
            "fr",
            "de",
            "es",
            "it",
            "pt",
            "nl",
            "pl",
            "cs",
            "sk",
            "sl",
            "hr",
            "ro",
            "hu",
            "lt",
            "lv",
            "et",
            "id",
            "ms");

    private static final long SEED = 20261204L;
    /** The model's cost grows with the text; a hundred words settle Russian against English and their neighbours. */
    private static final int MAX_CHARS = 600;
    /** From this many words on, a language can only be the text's if the text writes a letter only it has. */
    private static final int WORDS_TO_SHOW_LETTERS = 5;
    /**
     * Letters each language cannot write a sentence without and Russian and English do not have: Bulgarian's ъ
     * (във, към, -ът), Ukrainian's і ї є, the Latin diacritics. Short texts confuse Russian with Bulgarian, and
     * the n-grams alone cannot settle it.
     */
    private static final Map<String, String> SIGNATURE_LETTERS = Map.ofEntries(
            Map.entry("uk", "іїєґ"),
            Map.entry("be", "іў"),
            Map.entry("bg", "ъ"),
            Map.entry("mk", "јѓќѕљњџ"),
            Map.entry("sr", "јђћљњџ"),
            Map.entry("tr", "ğışçöü"),
            Map.entry("fr", "éèêàçùâîôûëïœ"),
            Map.entry("de", "äöüß"),
            Map.entry("es", "ñáéíóú"),
            Map.entry("it", "àèéìòù"),
            Map.entry("pt", "ãõçáéíóúâêô"),
            Map.entry("pl", "ąćęłńóśźż"),
            Map.entry("cs", "ěščřžýáíéůú"),
            Map.entry("sk", "áäčďéíĺľňóôŕšťúýž"),
            Map.entry("sl", "čšž"),
            Map.entry("hr", "čćđšž"),
            Map.entry("ro", "ăâîșțşţ"),
            Map.entry("hu", "áéíóöőúüű"),
            Map.entry("lt", "ąčęėįšųūž"),
            Map.entry("lv", "āčēģīķļņšūž"),
            Map.entry("et", "äöõüšž"));

    /**
     * Russian writes ъ too, but only as a separator before е ё ю я (изъяли, объявил, съезд); Bulgarian's ъ is a
     * vowel (във, към, пътят). Counted as Bulgarian's, Russian's ъ let a wire sentence without ы or э ("... у
     * которого изъяли 40 кг героина") go to Bulgarian, and so to {@code other}, against the page's {@code lang="ru"}.
     */
    private static final List<String> RUSSIAN_HARD_SIGNS = List.of("ъе", "ъё", "ъю", "ъя");

    private final com.optimaize.langdetect.LanguageDetector detector;
    /**
     * The languages without signature letters, asked when every language the full model ranked was ruled out by
     * its missing letters. The model reports only its few most probable languages: a Russian wire sentence
     * without ы or э ("Пограничники задержали на границе нарушителя с 40 кг героина") can give Bulgarian all the
     * probability and Russian none, and Bulgarian without a single ъ is not Bulgarian.
     */
    private final com.optimaize.langdetect.LanguageDetector plain;

    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    NgramLanguages() {
        List<LanguageProfile> profiles = profiles();
        detector = detector(profiles);
        // the same profiles, read once: the plain model is the full one without the languages that have signatures
        plain = detector(profiles.stream()
                .filter(profile ->
                        !SIGNATURE_LETTERS.containsKey(profile.getLocale().getLanguage()))
                .toList());
    }

    private static List<LanguageProfile> profiles() {
        try {
            return new LanguageProfileReader()
                    .readBuiltIn(PROFILES.stream().map(LdLocale::fromString).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("language profiles missing from the classpath", e);
        }
    }

    private static com.optimaize.langdetect.LanguageDetector detector(List<LanguageProfile> profiles) {
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(profiles)
                // the library samples n-grams at random; a fixed seed makes the same text get the same answer
                .seed(SEED)
                .build();
    }

    /** EN or RU when the text clearly is one of them, OTHER otherwise. */
    Language detect(TextSample sample) {
        String text = sample.text();
        var input = texts.forText(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        Language language = mostProbable(detector.getProbabilities(input), sample);
        return language != null ? language : mostProbable(plain.getProbabilities(input), sample);
    }

    /** Null when no ranked language writes the letters it needs; OTHER when the best is not clearly ahead. */
    private static @Nullable Language mostProbable(List<DetectedLanguage> ranked, TextSample sample) {
        DetectedLanguage best = null;
        double possible = 0;
        for (DetectedLanguage candidate : ranked) {
            if (writesItsLetters(candidate.getLocale().getLanguage(), sample)) {
                possible += candidate.getProbability();
                if (best == null) {
                    best = candidate;
                }
            }
        }
        if (best == null) {
            return null;
        }
        if (best.getProbability() < MIN_PROBABILITY * possible) {
            return Language.OTHER;
        }
        return switch (best.getLocale().getLanguage()) {
            case "en" -> Language.EN;
            case "ru" -> Language.RU;
            default -> Language.OTHER;
        };
    }

    private static boolean writesItsLetters(String language, TextSample sample) {
        String letters = SIGNATURE_LETTERS.get(language);
        if (letters == null || sample.words().size() < WORDS_TO_SHOW_LETTERS) {
            return true;
        }
        int written = sample.count(letters);
        if (language.equals("bg")) {
            written -= sample.occurrences(RUSSIAN_HARD_SIGNS);
        }
        return written > 0;
    }
}
