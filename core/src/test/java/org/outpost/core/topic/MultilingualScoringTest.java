package org.outpost.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.core.language.Language;

class MultilingualScoringTest {

    private static final TopicScorer DEFAULTS = new TopicScorer(TopicDefinitions.defaults());
    private static final List<String> NINE = TopicDefinitions.defaults().ids();

    @Test
    void russianWordFormsMatchTheClauseWrittenInOneForm() {
        TopicScorer scorer = new TopicScorer(russian("t", "героин OR граница OR пограничник"));
        for (String text : List.of(
                "Изъято 40 кг героина.",
                "Торговля героином.",
                "О героине.",
                "Вдоль границы.",
                "На границе спокойно.",
                "Перешли границу.",
                "Пограничники на посту.",
                "Отряд пограничников.",
                "Вместе с пограничниками.")) {
            assertThat(scorer.score(null, text, Language.RU).scores().get("t"))
                    .as(text)
                    .isPositive();
        }
        assertThat(scorer.score(null, "Урожай хлопка вырос.", Language.RU)
                        .scores()
                        .get("t"))
                .isZero();
    }

    @Test
    void eachWordIsStemmedByItsScriptAndCyrillicAcronymsStayWhole() throws IOException {
        assertThat(tokens("Пограничники задержали smugglers ИГИЛ 漢字"))
                .containsExactly("пограничник", "задержа", "smuggl", "игил", "漢", "字");
        assertThat(tokens("на границе the border"))
                .as("stop words of both languages go")
                .containsExactly("границ", "border");
        assertThat(tokens("IED DRUGS ЦАРИКЦ"))
                .as("short Latin acronyms whole, a headline word stemmed")
                .containsExactly("ied", "drug", "царикц");
    }

    @Test
    void aRussianArticleIsExplainedWithItsRussianClauses() {
        TopicScores scores = DEFAULTS.score(
                "Пограничники задержали наркокурьера",
                "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя с 40 кг героина.",
                Language.RU);
        assertThat(scores.labels())
                .contains("border_security", "drug_trafficking")
                .doesNotContain("human_rights", "terrorism", "border_conflict");
        assertThat(scores.explanations().get("drug_trafficking"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.term()).containsPattern("\\p{IsCyrillic}"));
    }

    @Test
    void aMixedArticleIsScoredByItsMainLanguageAndStillFindsTheOthersClearSignals() {
        String russianWithEnglishQuote = "Глава миссии ОБСЕ посетил Душанбе. «We discussed counter-terrorism and "
                + "the threat of violent extremism in the region», — сказал он журналистам после встречи.";
        TopicScores ru = DEFAULTS.score(null, russianWithEnglishQuote, Language.RU);
        assertThat(ru.labels()).contains("extremism");
        assertThat(ru.scores().get("terrorism")).isPositive();
        assertThat(ru.explanations().get("extremism"))
                .anySatisfy(c -> assertThat(c.term()).startsWith("extremism"));
        assertThat(ru.explanations().get("human_rights"))
                .as("the Russian list counts in full")
                .anySatisfy(c -> assertThat(c.term()).contains("журналист"));

        String englishWithRussianQuote = "A court in Bishkek sentenced a blogger on Monday. The ruling said he had "
                + "posted \"призывы к экстремизму и пропаганду терроризма\" on his channel.";
        TopicScores en = DEFAULTS.score(null, englishWithRussianQuote, Language.EN);
        assertThat(en.labels()).contains("extremism");
        assertThat(en.explanations().get("extremism"))
                .anySatisfy(c -> assertThat(c.term()).contains("экстремизм"));
        assertThat(en.explanations().get("terrorism"))
                .anySatisfy(c -> assertThat(c.term()).contains("терроризм"));
    }

    @Test
    void withoutALanguageTheScriptOfMostLettersDecides() {
        String russian = "Пограничники задержали на границе нарушителя с 40 кг героина.";
        assertThat(MainLanguage.of(null, russian)).isEqualTo(Language.RU);
        assertThat(DEFAULTS.score(null, russian)).isEqualTo(DEFAULTS.score(null, russian, Language.RU));
        assertThat(MainLanguage.of("Border guards", "seized heroin")).isEqualTo(Language.EN);
        assertThat(MainLanguage.of(null, "Сарҳадбонони Тоҷикистон маводи мухаддирро дастгир карданд"))
                .isEqualTo(Language.TG);
        assertThat(MainLanguage.of(null, "Шекарашылар есірткі тәркіледі, деп хабарлады ҰҚК"))
                .isEqualTo(Language.KK);
        assertThat(MainLanguage.of(null, "Oʻzbekiston chegarachilari giyohvand moddalarni musodara qildi"))
                .isEqualTo(Language.UZ);
    }

    @Test
    void transliteratedRussianInLatinLettersGetsNoFalseTopics() {
        for (String text : List.of(
                "Pogranichniki Tadzhikistana zaderzhali na granitse s Afganistanom narushitelya s 40 kg geroina.",
                "V Bishkeke sostoyalos zasedanie soveta ministrov inostrannykh del ODKB, obsuzhdali voprosy "
                        + "bezopasnosti i protivodeystviya terrorizmu i ekstremizmu.",
                "Sud prigovoril zhurnalista k semi godam lisheniya svobody, pravozashchitniki trebuyut ego osvobodit.")) {
            assertThat(DEFAULTS.score(null, text).labels()).as(text).isEmpty();
        }
    }

    @Test
    void textInOtherScriptsEmojiAndRandomBytesGetNoTopicsAndNoError() {
        List<String> texts = new ArrayList<>(List.of(
                "ضبط حرس الحدود الطاجيكي 40 كيلوغراما من الهيروين على الحدود مع أفغانستان",
                "塔吉克斯坦边防军在与阿富汗接壤的边境查获40公斤海洛因，恐怖主义威胁依然存在",
                "🙂🔥🚀💥🙂🔥🚀💥 🇹🇯🇦🇫"));
        Random random = new Random(13);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[2000];
            random.nextBytes(bytes);
            texts.add(new String(bytes, StandardCharsets.UTF_8));
            texts.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        for (String text : texts) {
            for (Language language : Language.values()) {
                TopicScores scores = DEFAULTS.score(text.substring(0, 10), text, language);
                assertThat(scores.labels())
                        .as(language + ": " + text.substring(0, 20))
                        .isEmpty();
                assertThat(scores.scores()).hasSize(9);
            }
            assertThat(DEFAULTS.score(null, text).labels()).isEmpty();
        }
        assertThat(MainLanguage.of(null, texts.get(0))).isEqualTo(Language.OTHER);
        assertThat(MainLanguage.of(null, texts.get(1))).isEqualTo(Language.OTHER);
        assertThat(MainLanguage.of(null, texts.get(2))).isEqualTo(Language.OTHER);
    }

    @Test
    void nationalLanguageWordsMatchThroughTheirSuffixes() {
        TopicScorer scorer = new TopicScorer(new TopicDefinitions(List.of(new TopicDefinition(
                "t",
                "t",
                "",
                0.1,
                List.of(),
                List.of(),
                Map.of(
                        "tg",
                        clauses("сарҳадбон* OR мухаддир"),
                        "kk",
                        clauses("есірткі"),
                        "uz",
                        clauses("\"chegara qoʻshinlari\" OR chegarachi")),
                Map.of()))));
        assertThat(scorer.score(null, "Сарҳадбонони Тоҷикистон", Language.TG)
                        .scores()
                        .get("t"))
                .isPositive();
        assertThat(scorer.score(null, "маводи мухаддирро", Language.TG).scores().get("t"))
                .isPositive();
        assertThat(scorer.score(null, "сарҳади Тоҷикистон", Language.TG)
                        .scores()
                        .get("t"))
                .as("border, not guards")
                .isZero();
        assertThat(scorer.score(null, "есірткіні тәркіледі", Language.KK)
                        .scores()
                        .get("t"))
                .isPositive();
        for (String text :
                List.of("Chegara qoʻshinlari", "Chegara qo'shinlari", "chegara qo’shinlari", "chegarachilar")) {
            assertThat(scorer.score(null, text, Language.UZ).scores().get("t"))
                    .as(text)
                    .isPositive();
        }
    }

    @Test
    void defaultsHaveAFullRussianListAndStrongNationalClausesForEveryTopic() {
        for (TopicDefinition topic : TopicDefinitions.defaults().topics()) {
            assertThat(topic.clauses(Language.RU).terms())
                    .as(topic.id())
                    .extracting(TopicDefinition.Clause::weight)
                    .contains(3.0, 2.0)
                    .hasSizeGreaterThanOrEqualTo(6);
            assertThat(topic.displayName(Locale.forLanguageTag("ru")))
                    .as(topic.id())
                    .containsPattern("\\p{IsCyrillic}");
            assertThat(topic.displayName(Locale.ENGLISH)).isEqualTo(topic.name());
            for (Language language : List.of(Language.TG, Language.UZ, Language.KY, Language.KK)) {
                assertThat(topic.clauses(language).terms())
                        .as(topic.id() + " " + language)
                        .extracting(TopicDefinition.Clause::weight)
                        .contains(4.0, 3.0);
            }
        }
        assertThat(NINE).hasSize(9);
    }

    @Test
    void aTopicFileWithLanguagesLoadsAndItsMistakesNameTheTopic(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("topics.yml");
        Files.writeString(file, """
                extend-defaults: true
                topics:
                  - id: water
                    name: Water disputes
                    names: { ru: Водные споры }
                    threshold: 0.3
                    terms: [{ query: 'dam OR reservoir', weight: 3 }]
                    languages:
                      ru:
                        terms: [{ query: 'плотина OR водохранилище', weight: 3 }]
                        exclude: [{ query: 'рыбалка', weight: 2 }]
                """);
        TopicDefinitions own = TopicDefinitions.load(file.toString());
        assertThat(own.ids()).hasSize(10).endsWith("water");
        TopicScorer scorer = new TopicScorer(own);
        assertThat(scorer.score(null, "Спор из-за плотины обострился.", Language.RU)
                        .labels())
                .contains("water");
        assertThat(own.topics().get(9).displayName(Locale.forLanguageTag("ru-RU")))
                .isEqualTo("Водные споры");

        Files.writeString(file, """
                topics:
                  - id: water
                    threshold: 0.3
                    terms: [{ query: dam, weight: 3 }]
                    languages: { de: { terms: [{ query: Damm, weight: 3 }] } }
                """);
        assertThatThrownBy(() -> TopicDefinitions.load(file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic water")
                .hasMessageContaining("'de'");

        Files.writeString(file, """
                topics:
                  - id: water
                    threshold: 0.3
                    terms: [{ query: dam, weight: 3 }]
                    languages: { ru: { terms: [{ query: '(плотина', weight: 3 }] } }
                """);
        TopicDefinitions unparsable = TopicDefinitions.load(file.toString());
        assertThatThrownBy(() -> new TopicScorer(unparsable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic water (ru)")
                .hasMessageContaining("(плотина");
    }

    private static TopicDefinition.Clauses clauses(String query) {
        return new TopicDefinition.Clauses(List.of(new TopicDefinition.Clause(query, 3)), List.of());
    }

    private static TopicDefinitions russian(String id, String query) {
        return new TopicDefinitions(List.of(
                new TopicDefinition(id, id, "", 0.1, List.of(), List.of(), Map.of("ru", clauses(query)), Map.of())));
    }

    private static List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer analyzer = new ScriptAwareAnalyzer();
                TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }
}
