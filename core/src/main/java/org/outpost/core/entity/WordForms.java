package org.outpost.core.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The inflected forms of a name's words, so that one alias matches the word in any grammatical case.
 *
 * <p>Russian declines nouns by endings that depend on the word's own ending: Таджикистан → Таджикистана,
 * Таджикистане, Таджикистаном; Москва → Москвы, Москве; Киргизия → Киргизии; Исламское → Исламском. A general-purpose
 * stemmer (Snowball) is no good for names: it cuts "Таджикистан" to "таджикиста" but "Таджикистане" to
 * "таджикистан", and "Токаев" to "тока". So the forms are generated from the name as written in the gazetteer (its
 * dictionary form), by the paradigm its ending selects; a text word matches only if it is one of those forms.
 *
 * <p>Tajik, Uzbek, Kyrgyz and Kazakh are agglutinative: case suffixes are added to the unchanged word
 * (Тоҷикистонро, Oʻzbekistonda, Кыргызстандын, Қазақстанның). A text word that ends in one of their suffixes is also
 * tried without it, if what is left is at least {@link #MIN_LETTERS} letters long. The suffixes are listed in folded
 * form (see {@link Tokens#fold}), where ң, ғ, қ, ө, ү, ұ, і are already н, г, к, о, у, у, и, so the vowel-harmony
 * variants of each language collapse into a few spellings.
 *
 * <p>Words shorter than {@link #MIN_LETTERS} letters are never inflected: "Ош" + "е" or "ООН" + "а" would make too
 * many ordinary words. Short names that do decline ("в Оше") list their forms in the gazetteer.
 */
final class WordForms {

    /** The fewest letters a word must keep to be inflected or have a suffix taken off. */
    static final int MIN_LETTERS = 4;

    /** Endings of the adjective declension, hard and soft, all genders and numbers. */
    private static final List<String> ADJECTIVE = List.of(
            "ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ая", "яя", "ей", "ую", "юю", "ое",
            "ее", "ые", "ие", "ых", "их", "ыми", "ими");

    private static final List<String> ADJECTIVE_LEMMA = List.of("ый", "ий", "ой", "ое", "ее", "ая", "яя", "ые", "ие");

    /**
     * Singular noun endings by the dictionary form's last letter (surnames in -ов/-ин take -ым). Names of countries,
     * places and people are singular; the plural is left out on purpose, since "Рахмон" + "ов" is Рахмонов, a common
     * surname and not the president.
     */
    private static final List<String> AFTER_CONSONANT = List.of("а", "у", "ом", "ем", "ым", "е");

    private static final List<String> AFTER_A = List.of("ы", "и", "е", "у", "ой", "ою", "ей");
    private static final List<String> AFTER_YA = List.of("и", "ю", "ей", "е");
    private static final List<String> AFTER_O = List.of("а", "у", "ом", "е");
    private static final List<String> AFTER_SOFT = List.of("я", "ю", "ем", "е", "и", "ей");
    private static final List<String> AFTER_NEUTER_SOFT = List.of("я", "ю", "ем", "и");
    /** A name written in the plural (талибы) declines in the plural. */
    private static final List<String> PLURAL = List.of("ов", "ев", "ей", "ам", "ями", "ами", "ах", "ях");

    /**
     * Case suffixes of Tajik, Uzbek (Cyrillic), Kyrgyz and Kazakh, folded: locative, ablative, dative, genitive,
     * accusative, instrumental "-мен" ("with"), the relative "-дагы" ("the one in ..."), and Tajik's object "-ро",
     * izafet "-и" and plural "-ҳо".
     * Left out on purpose: "-лык/-лик" (Кыргызстандык, a demonym), and the possessives, which go on the word after
     * a name ("Кыргызстандын президенти").
     */
    private static final List<String> CYRILLIC_SUFFIXES = List.of(
            "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "дон", "тон", "ндан",
            "нден", "га", "ге", "ка", "ке", "го", "ко", "на", "не", "нын", "нин", "нун", "дын", "дин", "дун", "тын",
            "тин", "тун", "нинг", "ны", "ни", "ну", "ды", "ди", "ду", "ты", "ти", "ту", "дагы", "даги", "деги", "догу",
            "тагы", "таги", "теги", "тогу", "ндагы", "ндеги", "мен", "пен", "бен", "ро", "и", "йи", "хо", "хои");

    /**
     * Uzbek Latin suffixes (oʻ and gʻ fold to o and g) and the longer Kazakh Latin ones. No one-letter suffix
     * (English "Pakistani" or "Israeli" are demonyms, not the country), and none of Kazakh's two-letter "-na", "-ne",
     * "-ta", "-de"... that would make English words of names ("India" + "na").
     */
    private static final List<String> LATIN_SUFFIXES = List.of(
            "da", "dan", "ga", "ka", "qa", "ni", "ning", "dagi", "lar", "larning", "larni", "larga", "lardan", "den",
            "tan", "ten", "nan", "nen", "nyn", "nin", "dyn", "din", "tyn", "tin", "dagy", "degi", "tagy", "tegi");

    /** The suffixes above by their last letter, for Latin and Cyrillic letters (U+0000 to U+052F). */
    private static final String[][] SUFFIXES_BY_LAST_LETTER = bySuffixLastLetter();

    /**
     * Lower-case endings a capitalised acronym may carry in the same word: ИГИЛа, ОДКБнын, NATOga, and in Kyrgyz and
     * Kazakh a possessive before the case suffix (УКМКсынын, "the GKNB's").
     */
    private static final Set<String> ACRONYM_TAILS;

    static {
        Set<String> tails = new LinkedHashSet<>(List.of(
                "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "овцы", "овцев", "овцам", "овцами", "овцах", "овец",
                "овский", "овского", "овском"));
        tails.addAll(CYRILLIC_SUFFIXES);
        for (String possessive : List.of("сы", "си", "су", "ы", "и", "у")) {
            tails.add(possessive);
            for (String suffix : CYRILLIC_SUFFIXES) {
                tails.add(possessive + suffix);
            }
        }
        tails.addAll(LATIN_SUFFIXES);
        tails.remove("и");
        ACRONYM_TAILS = Set.copyOf(tails);
    }

    private WordForms() {}

    /**
     * The Russian case and number forms of a Cyrillic word in its dictionary form (lower case, folded), the word
     * itself left out; none for a word shorter than {@link #MIN_LETTERS} letters or one that does not decline
     * (Душанбе, Алматы are written the same in every case).
     */
    static Set<String> russianForms(String lemma) {
        int n = lemma.length();
        if (n < MIN_LETTERS || !isCyrillicLetter(lemma.charAt(n - 1))) {
            return Set.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        String two = lemma.substring(n - 2);
        if (two.equals("ие") && !lemma.endsWith("ские") && !lemma.endsWith("цкие") || two.equals("ье")) {
            // neuter nouns: Управление → Управления, Управлением; Закавказье → Закавказья
            add(forms, lemma.substring(0, n - 1), AFTER_NEUTER_SOFT);
        } else if (n >= 6 && ADJECTIVE_LEMMA.contains(two)) {
            add(forms, lemma.substring(0, n - 2), ADJECTIVE);
        } else {
            char last = lemma.charAt(n - 1);
            String stem = lemma.substring(0, n - 1);
            switch (last) {
                case 'а' -> add(forms, stem, AFTER_A);
                case 'я' -> add(forms, stem, AFTER_YA);
                case 'о' -> add(forms, stem, AFTER_O);
                case 'ь', 'й' -> add(forms, stem, AFTER_SOFT);
                case 'ы' -> {
                    // a plural dictionary form (талибы): its plural cases, and the singular of one member
                    add(forms, stem, PLURAL);
                    add(forms, stem, List.of("", "а", "у", "ом", "е"));
                }
                case 'е', 'и', 'у', 'ю', 'э', 'ё' -> {
                    // indeclinable (Душанбе, Алматы, Баку), or a form we do not take apart
                }
                default -> {
                    if (isConsonant(last)) {
                        add(forms, lemma, AFTER_CONSONANT);
                    }
                }
            }
        }
        forms.remove(lemma);
        return forms;
    }

    /**
     * The Russian relational adjective of a name in its dictionary form (lower case, folded), by the regular rule for
     * names that end in a consonant: -ский after the consonant (Хорог → хорогский, Пяндж → пянджский, Бишкек →
     * бишкекский), -ий after -ск; null for a shorter word and for other endings, whose adjectives are irregular
     * (Душанбе → душанбинский, Москва → московский). A consonant with an irregular adjective (Кабул → кабульский)
     * gets a form no text writes, which matches nothing.
     */
    static @Nullable String relationalAdjective(String lemma) {
        int n = lemma.length();
        if (n < MIN_LETTERS) {
            return null;
        }
        char last = lemma.charAt(n - 1);
        if (!isConsonant(last) || "йьъцщ".indexOf(last) >= 0 || !isCyrillicLetter(lemma.charAt(0))) {
            return null;
        }
        return lemma.endsWith("ск") ? lemma + "ий" : lemma + "ский";
    }

    /**
     * The words a text word may be with one national-language case suffix taken off, longest suffix first; each
     * keeps at least {@link #MIN_LETTERS} letters. The caller looks them up among the gazetteer's words.
     */
    static List<String> withoutSuffix(String lower) {
        char last = lower.charAt(lower.length() - 1);
        String[] suffixes = last < SUFFIXES_BY_LAST_LETTER.length ? SUFFIXES_BY_LAST_LETTER[last] : null;
        if (suffixes == null) {
            return List.of();
        }
        List<String> bases = null;
        for (String suffix : suffixes) {
            if (lower.length() - suffix.length() >= MIN_LETTERS && lower.endsWith(suffix)) {
                if (bases == null) {
                    bases = new ArrayList<>(2);
                }
                bases.add(lower.substring(0, lower.length() - suffix.length()));
            }
        }
        return bases == null ? List.of() : bases;
    }

    // most words of a text end in no suffix at all: looking only at the suffixes that end in the word's last letter
    // keeps tagging English text as fast as before the national languages came
    private static String[][] bySuffixLastLetter() {
        List<List<String>> lists = new ArrayList<>();
        for (int c = 0; c < 0x530; c++) {
            lists.add(null);
        }
        for (List<String> suffixes : List.of(CYRILLIC_SUFFIXES, LATIN_SUFFIXES)) {
            for (String suffix : suffixes) {
                char last = suffix.charAt(suffix.length() - 1);
                if (lists.get(last) == null) {
                    lists.set(last, new ArrayList<>());
                }
                lists.get(last).add(suffix);
            }
        }
        String[][] table = new String[lists.size()][];
        for (int c = 0; c < table.length; c++) {
            table[c] = lists.get(c) == null ? null : lists.get(c).toArray(String[]::new);
        }
        return table;
    }

    /**
     * The acronym in a word written as capitals followed by a known lower-case ending ("ИГИЛа" → "ИГИЛ", "ОДКБнын" →
     * "ОДКБ"), or null if the word is not one.
     */
    static @Nullable String acronymIn(String folded) {
        if (folded.length() < 3 || !Character.isUpperCase(folded.charAt(1))) {
            return null;
        }
        int capitals = 0;
        while (capitals < folded.length() && Character.isUpperCase(folded.charAt(capitals))) {
            capitals++;
        }
        if (capitals < 2 || capitals == folded.length()) {
            return null;
        }
        return ACRONYM_TAILS.contains(folded.substring(capitals)) ? folded.substring(0, capitals) : null;
    }

    private static void add(Set<String> forms, String stem, List<String> endings) {
        for (String ending : endings) {
            forms.add(stem + ending);
        }
    }

    static boolean isCyrillicLetter(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
    }

    private static boolean isConsonant(char c) {
        return isCyrillicLetter(c) && "аеёиоуыэюяйьъ".indexOf(c) < 0;
    }
}
