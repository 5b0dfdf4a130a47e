package org.outpost.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final String RUSSIAN =
            "Пограничники Таджикистана задержали на участке заставы в Пянджском районе троих "
                    + "нарушителей, пытавшихся переправиться через реку с территории Афганистана. При задержанных обнаружено "
                    + "более сорока килограммов гашиша.";
    private static final String ENGLISH = "Border guards detained three men who tried to cross the river from "
            + "Afghanistan at night, and found more than forty kilograms of hashish in their bags, the committee said.";
    private static final String KAZAKH = "Қазақстан Ұлттық қауіпсіздік комитеті үш өңірде халықаралық террористік "
            + "ұйымның тоғыз жақтасы ұсталғанын хабарлады. Олар әлеуметтік желілерде насихат жүргізген.";
    private static final String KYRGYZ = "Кыргызстандын чек арачылары Казакстан менен чек арада документи жок 14 чет "
            + "элдикти ташып бараткан микроавтобусту токтотушту. Айдоочу ар бир жүргүнчү үчүн 200 доллардан алганын айтты.";

    private final LanguageDetector detector = LanguageDetector.shared();

    @Test
    void nothingToReadIsOther() {
        assertThat(detector.detect(null, null)).isEqualTo(Language.OTHER);
        assertThat(detector.detect(null, "")).isEqualTo(Language.OTHER);
        assertThat(detector.detect("  ", " \n\t ")).isEqualTo(Language.OTHER);
        assertThat(detector.detect(null, null, null)).isEqualTo(Language.OTHER);
    }

    @Test
    void emojiNumbersAndPunctuationAreOther() {
        assertThat(detector.detect(null, "🔥🔥🔥 😂😂 👍👍👍 🇰🇿 🇺🇿 ❤️❤️")).isEqualTo(Language.OTHER);
        assertThat(detector.detect(null, "2024-03-12 14:30 +5 ... 1 204 — 3:0 (1:0) 45' 90+2'"))
                .isEqualTo(Language.OTHER);
        assertThat(detector.detect(null, "3f8a 91c2 d4e7 0b5f 77aa 12cd ef09 4b3e 8d21 c6f0 a5b9 2e7d"))
                .isEqualTo(Language.OTHER);
    }

    @Test
    void randomBytesAreOtherAndNeverThrow() {
        Random random = new Random(13);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            assertThat(detector.detect(null, new String(bytes, StandardCharsets.UTF_8)))
                    .isEqualTo(Language.OTHER);
            assertThat(detector.detect(null, new String(bytes, StandardCharsets.ISO_8859_1)))
                    .isEqualTo(Language.OTHER);
        }
    }

    @Test
    void russianInLatinLettersIsOtherNotEnglish() {
        assertThat(detector.detect(
                        null,
                        "Pogranichniki Tadzhikistana zaderzhali na granitse s Afganistanom troikh "
                                + "narushitelei, pri kotorykh obnaruzheno bolee soroka kilogrammov geroina."))
                .isEqualTo(Language.OTHER);
    }

    @Test
    void keyboardMashingIsOther() {
        assertThat(detector.detect(null, "ыфва пролд жэхъ щшгн укеп ямсчит ьбю йцукен фыва ячсмит"))
                .isEqualTo(Language.OTHER);
        assertThat(detector.detect(null, "qwrtz plkmnb vcxz hgfd sdfghj klpoiu ytrewq zxcvbnm asdf"))
                .isEqualTo(Language.OTHER);
    }

    @Test
    void unsupportedLanguagesInOurScriptsAreOther() {
        assertThat(detector.detect(
                        null,
                        "Прикордонники затримали на кордоні двох чоловіків, які намагалися перевезти "
                                + "контрабандні цигарки у вантажівці з овочами."))
                .isEqualTo(Language.OTHER);
        assertThat(detector.detect(
                        null,
                        "Монгол Улсын Засгийн газар аялал жуулчлалыг хөгжүүлэх таван жилийн "
                                + "хөтөлбөрийг баталж, зочид буудал болон шинэ зам барихаар төлөвлөжээ."))
                .isEqualTo(Language.OTHER);
        assertThat(detector.detect(
                        null,
                        "Sınır muhafızları, sebze yüklü bir kamyonda kaçak sigara taşımaya çalışan "
                                + "iki kişiyi gözaltına aldı."))
                .isEqualTo(Language.OTHER);
        assertThat(detector.detect(null, "اعتقل حرس الحدود رجلين حاولا تهريب سجائر في شاحنة محملة بالخضروات"))
                .isEqualTo(Language.OTHER);
    }

    @Test
    void aRussianWireSentenceWithoutTheLettersOnlyRussianHasIsStillRussian() {
        // no ы, э or ё: the n-gram model gives these to Bulgarian alone, which cannot write a sentence without ъ
        assertThat(detector.detect(null, "Пограничники задержали на границе нарушителя с 40 кг героина."))
                .isEqualTo(Language.RU);
        assertThat(detector.detect(
                        null,
                        "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя "
                                + "с 40 кг героина."))
                .isEqualTo(Language.RU);
        assertThat(detector.detect(
                        null,
                        "Граничните полицаи задържаха двама мъже, които се опитаха да пренесат "
                                + "цигари в камион със зеленчуци."))
                .isEqualTo(Language.OTHER);
        assertThat(detector.detect(
                        null,
                        "Гранична полиција је ухапсила двојицу мушкараца који су покушали да "
                                + "прокријумчаре цигарете у камиону."))
                .isEqualTo(Language.OTHER);
    }

    @Test
    void russiansHardSignBeforeAVowelIsNoSignOfBulgarian() {
        // ъ in изъяли, no ы or э: the n-gram model prefers Bulgarian, which would make it other, even against lang="ru"
        String brief = "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя, у которого изъяли "
                + "40 кг героина; возбуждено уголовное дело о контрабанде наркотиков.";
        assertThat(detector.detect(null, brief)).isEqualTo(Language.RU);
        assertThat(detector.detect("ru", "Пограничники задержали нарушителя с героином", brief))
                .isEqualTo(Language.RU);
        assertThat(detector.detect(
                        null,
                        "Министерство объявило о съезде представителей регионов, на котором обсудят "
                                + "вопросы безопасности и подъёма экономики"))
                .isEqualTo(Language.RU);
        assertThat(detector.detect(
                        null,
                        "Гранична полиция задържа в събота двама мъже, които се опитаха да пренесат "
                                + "контрабандни цигари през пункта."))
                .as("Bulgarian's own ъ still counts")
                .isEqualTo(Language.OTHER);
    }

    @Test
    void theTitleCountsWhenThereIsNoText() {
        assertThat(detector.detect("Пограничники задержали троих нарушителей на границе с Афганистаном", ""))
                .isEqualTo(Language.RU);
    }

    @Test
    void textWinsOverADeclarationItContradicts() {
        assertThat(detector.detect("ru-RU", null, ENGLISH)).isEqualTo(Language.EN);
        assertThat(detector.detect("en", null, RUSSIAN)).isEqualTo(Language.RU);
        // a Russian site's template on its Kazakh and Kyrgyz editions
        assertThat(detector.detect("ru", null, KAZAKH)).isEqualTo(Language.KK);
        assertThat(detector.detect("rus", null, KYRGYZ)).isEqualTo(Language.KY);
        assertThat(detector.detect("kk_KZ", null, RUSSIAN)).isEqualTo(Language.RU);
    }

    @Test
    void aDeclarationTheTextAgreesWithIsKept() {
        assertThat(detector.detect("kk-KZ", null, KAZAKH)).isEqualTo(Language.KK);
        assertThat(detector.detect("RU", null, RUSSIAN)).isEqualTo(Language.RU);
    }

    @Test
    void aDeclarationDecidesWhenTheTextCannotTell() {
        assertThat(detector.detect("ky", "Кабарлар", "12:30")).isEqualTo(Language.KY);
        assertThat(detector.detect("rus", null, "")).isEqualTo(Language.RU);
        assertThat(detector.detect("uz-Latn-UZ", null, "👍")).isEqualTo(Language.UZ);
        // three words that look Russian do not overrule a page that says it is Tajik
        assertThat(detector.detect("tg", null, "Министр провёл совещание")).isEqualTo(Language.TG);
    }

    @Test
    void aDeclaredLanguageOutsideOursIsOtherAndNonsenseIsIgnored() {
        assertThat(detector.detect("uk-UA", null, "")).isEqualTo(Language.OTHER);
        assertThat(detector.detect("fr", null, "OK")).isEqualTo(Language.OTHER);
        assertThat(detector.detect("x-default", null, RUSSIAN)).isEqualTo(Language.RU);
        assertThat(detector.detect("*", null, ENGLISH)).isEqualTo(Language.EN);
        assertThat(detector.detect("{{lang}}", null, "")).isEqualTo(Language.OTHER);
    }

    @Test
    void aHalfRussianHalfEnglishLineIsLeftToTheDeclaration() {
        String mixed = "Border граница closed закрыта after после clashes столкновений";
        assertThat(detector.detect("en", null, mixed)).isEqualTo(Language.EN);
        assertThat(detector.detect(null, mixed)).isEqualTo(Language.OTHER);
    }

    @Test
    void aLongPageIsJudgedByItsStartAndQuickly() {
        String page = (RUSSIAN + " ").repeat(20_000);
        long start = System.nanoTime();
        assertThat(detector.detect(null, page)).isEqualTo(Language.RU);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void aHugeTitleIsCutLikeTheText() {
        long start = System.nanoTime();
        assertThat(detector.detect(ENGLISH.repeat(20_000), "")).isEqualTo(Language.EN);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void oneInstanceGivesTheSameAnswersFromManyThreads() throws Exception {
        List<String> texts = List.of(RUSSIAN, ENGLISH, KAZAKH, KYRGYZ);
        List<Language> expected =
                texts.stream().map(t -> detector.detect(null, t)).toList();
        assertThat(expected).containsExactly(Language.RU, Language.EN, Language.KK, Language.KY);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int t = 0; t < texts.size(); t++) {
                            if (detector.detect(null, texts.get(t)) != expected.get(t)) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
