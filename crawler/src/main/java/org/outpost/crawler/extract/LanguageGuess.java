package org.outpost.crawler.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small language detector for pages that do not declare their language, covering what the
 * region's press writes in: English, Russian, Uzbek (Latin and Cyrillic), Kazakh, Kyrgyz, Tajik,
 * French and German. Function words do most of the work; the Cyrillic languages are told apart
 * first by the letters only they use (Kazakh әұі, Tajik ӣӯҷ, Uzbek ў), since their function
 * words overlap. Says nothing (null) rather than guess on short, mixed or unknown text.
 */
public final class LanguageGuess {

    private static final int MIN_LETTERS = 12;
    /** The start of a text tells its language as well as the whole, at a fraction of the cost on long pages. */
    private static final int SAMPLE_CHARS = 6000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private record Language(String code, Set<String> stopwords, String letters, String ownLetters) {
    }

    /** letters: the language's special letters; ownLetters: those no other language here uses. */
    private static final List<Language> CYRILLIC = List.of(
            new Language("ru", words("и в во не что он она они на с со как а то все его но к у же за бы по только ее "
                    + "было от из ему уже или был до для это этого также при после года который которые которая её "
                    + "чем так где может были будет более этом того этой сообщает заявил отметил"), "", ""),
            new Language("kk", words("және мен бен пен бұл осы үшін туралы бойынша деп да де та те бір жылы сондай-ақ "
                    + "болып болды еді екен емес оның олар біз ол тағы арқылы кейін дейін бірақ алайда барлық жөнінде "
                    + "тарапынан қатысты сондай ақ мәлімдеді хабарлады екенін"), "әғқңөұүһі", "әұһі"),
            new Language("ky", words("жана менен бул ушул үчүн тууралуу боюнча деп да дагы бир жылы ошондой эле "
                    + "болуп болду экен эмес анын алар биз ал аркылуу кийин чейин бирок бардык тарабынан байланыштуу "
                    + "жөнүндө ошол кабарлады билдирди экенин"), "ңөү", ""),
            new Language("tg", words("ва дар ба аз ки ин он бо барои то аст буд шуд мебошад гардид намуд кард карда "
                    + "худ як низ ҳам вале аммо агар чунки баъд пас бояд мешавад менамояд гуфт тибқи оид байни "
                    + "ҳамчунин хабар дод"), "ғӣқӯҳҷ", "ӣӯҷ"),
            new Language("uz", words("ва билан учун бу ҳам эса деб бўйича ҳақида қилиб этиб бўлиб йил йилда ўз эмас "
                    + "эди экан лекин бироқ шу ушбу бир ҳамда яна томонидан орқали каби мазкур берди қилди ҳақда"), "ўқғҳ", "ў"));
    private static final List<Language> LATIN = List.of(
            new Language("en", words("the of and to in a is that for on with as was by at it from be this are were has "
                    + "have had which an not or said will its their his her but after been also would who they"), "", ""),
            new Language("fr", words("le la les de des du un une et est en que qui dans pour par sur au aux avec ce "
                    + "cette ces il elle ils sont ont été plus pas ne se son sa leur selon lors mais ou entre"), "éèêàçùœâîô", ""),
            new Language("de", words("der die das und ist in den von zu mit sich des auf für nicht im dem ein eine einer "
                    + "als auch es an werden wurde aus er sie nach bei um am sind noch wie über zum zur hat haben dass"),
                    "äöüß", ""),
            new Language("uz", words("va bilan uchun bu ham esa deb bo'yicha haqida qilib etib bo'lib yil yilda o'z emas "
                    + "edi ekan lekin biroq shu ushbu bir hamda yana tomonidan orqali kabi mazkur berdi qildi ma'lum "
                    + "respublikasi o'zbekiston"), "", ""));

    private LanguageGuess() {
    }

    /** An ISO 639-1 code, or null when the text is too short, gibberish or not clearly one of the languages. */
    public static @Nullable String guess(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        String normalized = sample.toLowerCase(Locale.ROOT).replaceAll("[ʻʼ’‘`´]", "'");
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < normalized.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(normalized.charAt(i));
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (cyrillic + latin < MIN_LETTERS) {
            return null;
        }
        List<String> words = tokens(normalized);
        if (cyrillic >= 0.7 * (cyrillic + latin)) {
            return best(CYRILLIC, normalized, words);
        }
        if (latin >= 0.7 * (cyrillic + latin)) {
            return best(LATIN, normalized, words);
        }
        return null;
    }

    private static @Nullable String best(List<Language> languages, String text, List<String> words) {
        Map<Character, Integer> special = specialLetterCounts(text, languages);
        int specialTotal = special.values().stream().mapToInt(Integer::intValue).sum();
        List<Map.Entry<String, Double>> scores = new ArrayList<>();
        for (Language language : languages) {
            scores.add(Map.entry(language.code(), score(language, words, special, specialTotal)));
        }
        scores.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        double first = scores.get(0).getValue();
        double second = scores.get(1).getValue();
        if (first < 2 || first < 1.5 * second) {
            return null;
        }
        return scores.get(0).getKey();
    }

    /**
     * Function-word hits plus evidence from the language's letters; a Cyrillic text using letters
     * the language does not have scores nothing (with ә it cannot be Kyrgyz, with ң not Russian).
     */
    private static double score(Language language, List<String> words, Map<Character, Integer> special, int specialTotal) {
        double hits = 0;
        for (String word : words) {
            if (language.stopwords().contains(word)) {
                hits++;
            }
        }
        int own = 0;
        int foreign = 0;
        int shared = 0;
        for (Map.Entry<Character, Integer> entry : special.entrySet()) {
            char letter = entry.getKey();
            if (language.ownLetters().indexOf(letter) >= 0) {
                own += entry.getValue();
            } else if (language.letters().indexOf(letter) >= 0) {
                shared += entry.getValue();
            } else {
                foreign += entry.getValue();
            }
        }
        boolean cyrillicFamily = CYRILLIC.contains(language);
        if (cyrillicFamily && foreign > Math.max(1, specialTotal / 10)) {
            return 0;
        }
        double score = hits + 2.0 * own + 0.5 * shared;
        // Uzbek Latin spells o‘ and g‘ with an apostrophe, which no other language here does inside words
        if (language.code().equals("uz") && !cyrillicFamily) {
            score += words.stream().filter(w -> w.contains("o'") || w.contains("g'")).count();
        }
        // Kyrgyz writes ң ө ү and never Kazakh's own letters, so their absence over a long text is evidence
        if (language.code().equals("ky") && shared >= 3 && specialCount(special, "әұһі") == 0) {
            score += shared;
        }
        return words.isEmpty() ? 0 : score;
    }

    private static Map<Character, Integer> specialLetterCounts(String text, List<Language> languages) {
        StringBuilder all = new StringBuilder();
        for (Language language : languages) {
            all.append(language.letters()).append(language.ownLetters());
        }
        Map<Character, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (all.indexOf(String.valueOf(c)) >= 0) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int specialCount(Map<Character, Integer> special, String letters) {
        int count = 0;
        for (char c : letters.toCharArray()) {
            count += special.getOrDefault(c, 0);
        }
        return count;
    }

    private static Set<String> words(String list) {
        return Set.copyOf(List.of(list.split(" ")));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String token = m.group().replaceAll("^'+|'+$", "");
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
