package org.outpost.core.language;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tajik, Uzbek (both scripts), Kyrgyz and Kazakh, which no maintained detection library we can ship covers, told
 * apart from Russian and from their Cyrillic neighbours (Mongolian, Ukrainian, Belarusian, Serbian, Macedonian) by
 * the letters each alphabet adds to Russian's and by function words. Letters do most of the work: ҷ ӣ ӯ are only
 * Tajik, ў only Uzbek (among languages without і), ә ұ only Kazakh; Kyrgyz writes ң ө ү and none of Kazakh's or
 * Tajik's own letters. The function words overlap across these languages, so they only decide between profiles
 * the letters allow.
 */
final class RegionalLanguageRules {

    /** A clear winner: this many points, and this many times the runner-up. */
    private static final double MIN_SCORE = 2;

    private static final double MIN_MARGIN = 1.5;
    /** Every Cyrillic letter outside Russian's alphabet that some profile below uses. */
    private static final String NON_RUSSIAN_CYRILLIC = "ҳқҷӣӯғўәңөұүһіїєґјљњђћџѓќѕ";

    private static final String KAZAKH_TAJIK_UZBEK_LETTERS = "әұіһқғҳўҷӣӯ";
    private static final List<String> KYRGYZ_LONG_VOWELS = List.of("уу", "үү", "өө", "оо");

    private record Profile(Language language, String letters, String ownLetters, Set<String> words) {}

    private static final Profile MONGOLIAN = new Profile(
            Language.OTHER,
            "өү",
            "",
            words("нь болон юм байна " + "байгаа гэж энэ бол оны улсын мөн гэв байсан болно хийх"));
    private static final List<Profile> CYRILLIC = List.of(
            new Profile(Language.RU, "", "", FunctionWords.RUSSIAN),
            new Profile(
                    Language.TG,
                    "ҳқҷӣӯғ",
                    "ҷӣӯ",
                    words(
                            "ва дар ба аз ки ин он бо барои то аст буд шуд мебошад "
                                    + "гардид намуд кард карда худ як низ ҳам вале аммо агар чунки баъд пас бояд мешавад менамояд гуфт "
                                    + "тибқи оид байни ҳамчунин хабар дод шуда шуданд карданд буданд мешаванд гардиданд намуданд")),
            new Profile(
                    Language.UZ,
                    "ўқғҳ",
                    "ў",
                    words("ва билан учун бу ҳам эса деб бўйича ҳақида қилиб этиб бўлиб "
                            + "йил йилда ўз эмас эди экан лекин бироқ шу ушбу бир ҳамда яна томонидан орқали каби мазкур берди "
                            + "қилди ҳақда этди қилинди этилди бўлди кўра кейин олдин ортиқ нафар мумкин керак шунингдек "
                            + "маълумотига вилоятида куни")),
            new Profile(
                    Language.KY,
                    "ңөү",
                    "",
                    words("жана менен бул ушул үчүн тууралуу боюнча деп да дагы бир жылы "
                            + "ошондой эле болуп болду экен эмес анын алар биз ал аркылуу кийин чейин бирок бардык тарабынан "
                            + "байланыштуу жөнүндө ошол кабарлады билдирди экенин")),
            new Profile(
                    Language.KK,
                    "әғқңөұүһі",
                    "әұ",
                    words("және мен бен пен бұл осы үшін туралы бойынша деп да де "
                            + "та те бір жылы сондай-ақ болып болды еді екен емес оның олар біз ол тағы арқылы кейін дейін "
                            + "бірақ алайда барлық жөнінде тарапынан қатысты мәлімдеді хабарлады екенін")),
            // neighbours that share letters with ours and must come out as OTHER
            MONGOLIAN,
            new Profile(
                    Language.OTHER,
                    "іїєґ",
                    "їєґ",
                    words("і й у в на що не з та як це до від за для його який " + "була було також після")),
            new Profile(
                    Language.OTHER,
                    "іў",
                    "",
                    words("і ў у на не што з як гэта да ад за для яго які была было " + "таксама пасля")),
            new Profile(
                    Language.OTHER,
                    "јљњђћџѓќѕ",
                    "јљњђћџѓќѕ",
                    words("и у на је да се за од са су као што који " + "која во со не")));

    /** Uzbek Latin spells o‘ and g‘ with an apostrophe and uses no letters beyond ASCII. */
    private static final Set<String> UZBEK_LATIN_WORDS = words("va bilan uchun bu ham esa deb bo'yicha haqida qilib "
            + "etib bo'lib yil yilda o'z emas edi ekan lekin biroq shu ushbu bir hamda yana tomonidan orqali kabi "
            + "mazkur berdi qildi ma'lum respublikasi o'zbekiston kuni so'ng yangi qilindi bo'ldi etdi etildi ko'ra "
            + "keyin oldin ortiq nafar mumkin kerak shuningdek ma'lumotiga viloyatida kamida jumladan ostida olib "
            + "qilgan");

    /**
     * One of our national languages when the text is clearly written in it, {@link Language#OTHER} when it is
     * clearly one of the neighbours, null when these rules cannot tell (plain Russian-alphabet text, or too little).
     */
    @Nullable
    Language cyrillic(TextSample sample) {
        int nonRussian = sample.count(NON_RUSSIAN_CYRILLIC);
        Profile best = null;
        double first = 0;
        double second = 0;
        for (Profile profile : CYRILLIC) {
            double score = score(profile, sample, nonRussian);
            if (score > first) {
                second = first;
                first = score;
                best = profile;
            } else if (score > second) {
                second = score;
            }
        }
        if (best == null || first < MIN_SCORE || first < MIN_MARGIN * second) {
            return null;
        }
        // Russian is the library's call; these rules only say "not one of the others"
        return best.language() == Language.RU ? null : best.language();
    }

    /** Uzbek when Latin text reads as Uzbek; null otherwise (English, other languages: the library decides). */
    @Nullable
    Language latin(TextSample sample) {
        // Turkish, Azerbaijani, Turkmen and Kazakh Latin write letters Uzbek Latin does not
        if (sample.count("əğışçöüñňýžäáéíóúǵńḩ") > 0) {
            return null;
        }
        int hits = 0;
        int apostrophes = 0;
        for (String word : sample.words()) {
            if (UZBEK_LATIN_WORDS.contains(word)) {
                hits++;
            }
            if (word.contains("o'") || word.contains("g'")) {
                apostrophes++;
            }
        }
        // Uzbek writes q and x where English writes k and kh; English has q only before u
        long qx = sample.words().stream()
                .filter(w -> w.indexOf('x') >= 0 || w.matches(".*q[^u].*|.*q$"))
                .count();
        double score = hits + Math.min(apostrophes, 5) + 0.5 * Math.min(qx, 6);
        return score >= 3 && (hits >= 1 || apostrophes >= 2) ? Language.UZ : null;
    }

    /**
     * Function-word hits plus evidence from letters; a profile is ruled out when the text uses, more than in
     * passing, letters its alphabet does not have (with ә it cannot be Kyrgyz, with ң not Russian or Tajik).
     */
    private static double score(Profile profile, TextSample sample, int nonRussian) {
        double hits = 0;
        for (String word : sample.words()) {
            if (profile.words().contains(word)) {
                hits++;
            }
        }
        int own = sample.count(profile.ownLetters());
        int shared = sample.count(profile.letters()) - own;
        int foreign = nonRussian - own - shared;
        // a name quoted in another language ("Қасым-Жомарт" in a Russian article) is in passing
        if (foreign > sample.letters() / 100) {
            return 0;
        }
        double score = hits + 2.0 * own + 0.5 * shared;
        if (profile.language() == Language.KY) {
            score += kyrgyzEvidence(sample, shared);
        }
        // Uzbek writes нг (-нинг, янги, минг) where Tajik has no such cluster
        if (profile.language() == Language.UZ) {
            score += 0.5 * Math.min(sample.occurrences(List.of("нг")), 6);
        }
        if (profile == MONGOLIAN) {
            score += mongolianEvidence(sample);
        }
        return score;
    }

    /**
     * Kyrgyz has no letters of its own: the evidence is ң ө ү written over and over with none of the letters only
     * Kazakh, Tajik or Uzbek write, and the long vowels (уу, үү, өө, оо) of its suffixes, which Russian almost
     * never doubles. Mongolian doubles vowels and writes ө ү too, but writes х on every line, which Kyrgyz keeps
     * for loanwords.
     */
    private static double kyrgyzEvidence(TextSample sample, int shared) {
        if (sample.count(KAZAKH_TAJIK_UZBEK_LETTERS) > 0 || sample.count("х") * 100 > 2 * sample.letters()) {
            return 0;
        }
        return shared + 0.5 * sample.occurrences(KYRGYZ_LONG_VOWELS);
    }

    /**
     * Mongolian's х, one letter in thirty, where Kyrgyz writes it one in a hundred or less; only beside ө ү, since
     * Russian writes х as often as Mongolian.
     */
    private static double mongolianEvidence(TextSample sample) {
        int x = sample.count("х");
        return sample.count("өү") > 0 && x * 100 > 2 * sample.letters() ? x : 0;
    }

    private static Set<String> words(String list) {
        return Set.copyOf(List.of(list.split(" ")));
    }
}
