package org.outpost.core.language;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The language an article is written in, from its text and, when the page declares one, its declared language.
 * The text wins when the two disagree (a site template's {@code lang="ru"} over a Kyrgyz article); the
 * declaration decides only when the text is too short to tell. Russian and English come from character n-gram
 * profiles, Tajik, Uzbek, Kyrgyz and Kazakh from the letters their alphabets add and their function words (see
 * docs/language-detection.md for the method and its measured accuracy). Anything else, and anything that is not
 * language at all (emoji, numbers, random bytes, Russian transliterated into Latin letters), is
 * {@link Language#OTHER}. Never throws.
 *
 * <p>Thread-safe. Building one loads the n-gram profiles (about a second and 12 MB of heap), so a process keeps
 * one: {@link #shared()}.
 */
public final class LanguageDetector {

    /** With fewer letters the text says nothing about its language ("OK", "12:30", an emoji). */
    private static final int MIN_LETTERS = 10;
    /** From this many words on, a Russian or English text without a single function word is not prose. */
    private static final int WORDS_OF_A_SENTENCE = 8;
    /** With fewer words the text does not overrule a declaration, however clear it looks. */
    private static final int MIN_WORDS_AGAINST_DECLARATION = 5;
    /** Tags that name no language: undetermined, multiple, no linguistic content. */
    private static final Set<String> NO_LANGUAGE = Set.of("und", "mul", "zxx", "mis", "x");

    private final RegionalLanguageRules rules = new RegionalLanguageRules();
    private final NgramLanguages ngrams = new NgramLanguages();

    public LanguageDetector() {}

    /** The instance the ingest pipeline, the API and re-scoring share. */
    public static LanguageDetector shared() {
        return Shared.INSTANCE;
    }

    /** The language of an article with no declared language. */
    public Language detect(@Nullable String title, @Nullable String text) {
        return detect(null, title, text);
    }

    /**
     * @param declared what the page says its language is ({@code <html lang>}, {@code og:locale},
     *     {@code Content-Language}): "ru-RU", "en", "rus", "kk_KZ"; null or unusable when it says nothing
     */
    public Language detect(@Nullable String declared, @Nullable String title, @Nullable String text) {
        return recognise(declared, title, text).orElse(Language.OTHER);
    }

    /**
     * As {@link #detect(String, String, String)}, but empty when neither the declaration nor the text shows a
     * language, for callers that know a better default (the crawler: the language a source is configured with).
     */
    public Optional<Language> recognise(@Nullable String declared, @Nullable String title, @Nullable String text) {
        Language stated = declared(declared);
        TextSample sample = TextSample.of(title, text);
        Language written = fromText(sample);
        if (written == null) {
            return Optional.ofNullable(stated);
        }
        if (stated == null || sample.words().size() >= MIN_WORDS_AGAINST_DECLARATION) {
            return Optional.of(written);
        }
        return Optional.of(stated);
    }

    /** The language the text alone shows, null when it is too short or too mixed to show one. */
    private @Nullable Language fromText(TextSample sample) {
        if (sample.letters() < MIN_LETTERS || !sample.isMostlyLetters()) {
            return null;
        }
        return switch (sample.script()) {
            case CYRILLIC -> {
                Language regional = rules.cyrillic(sample);
                yield regional != null ? regional : prose(ngrams.detect(sample), sample);
            }
            case LATIN -> {
                Language regional = rules.latin(sample);
                yield regional != null ? regional : prose(ngrams.detect(sample), sample);
            }
            // Arabic, Persian, Chinese... none of ours is written in them
            case OTHER -> Language.OTHER;
            // half Cyrillic, half Latin: a bilingual page or a list of names; the declaration knows better
            case MIXED, NONE -> null;
        };
    }

    /**
     * The n-gram model's Russian or English, unless a sentence-long text has none of the language's function
     * words: then it is keyboard mashing, transliteration ("Pogranichniki zaderzhali...") or a word list.
     */
    private static Language prose(Language language, TextSample sample) {
        if (sample.words().size() < WORDS_OF_A_SENTENCE) {
            return language;
        }
        return switch (language) {
            case RU -> FunctionWords.count(sample, FunctionWords.RUSSIAN) > 0 ? language : Language.OTHER;
            case EN -> FunctionWords.count(sample, FunctionWords.ENGLISH) > 0 ? language : Language.OTHER;
            default -> language;
        };
    }

    /** Ours for our languages, OTHER for any other real language tag, null for none or nonsense. */
    private static @Nullable Language declared(@Nullable String tag) {
        Language ours = Language.ofCode(tag);
        if (ours != null || tag == null) {
            return ours;
        }
        String primary = tag.strip().split("[-_,;\\s]", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.matches("[a-z]{2,3}") && !NO_LANGUAGE.contains(primary)) {
            return Language.OTHER;
        }
        return null;
    }

    /** Built on first use, so that code never detecting a language never loads the profiles. */
    private static final class Shared {
        static final LanguageDetector INSTANCE = new LanguageDetector();
    }
}
