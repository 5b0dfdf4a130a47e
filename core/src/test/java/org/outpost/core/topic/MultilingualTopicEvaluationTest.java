package org.outpost.core.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.language.Language;

/**
 * Measures the default topics on the per-language evaluation sets
 * ({@code labelled/passages-{ru,tg,uz,ky,kk}.jsonl}), scoring each passage in the language it is
 * labelled with, as ingest does once it has detected the language. Russian must reach
 * {@value #REQUIRED_RUSSIAN_MICRO_F1}; the national languages, which have only the strong
 * clauses, are measured and printed with a floor below which a change is a regression.
 * {@code docs/signal-quality.md} holds the figures.
 */
class MultilingualTopicEvaluationTest {

    static final double REQUIRED_RUSSIAN_MICRO_F1 = 0.85;
    /** Floor for each national language: only strong clauses, so recall is the weak side. */
    static final double REQUIRED_NATIONAL_MICRO_F1 = 0.75;

    private static final List<Language> NATIONAL = List.of(Language.TG, Language.UZ, Language.KY, Language.KK);

    private static final TopicScorer SCORER = new TopicScorer(TopicDefinitions.defaults());

    @Test
    void russianTopicsReachTheRequiredMicroF1() {
        List<EvaluationSet.Passage> passages = passages(Language.RU);
        TopicMeasurement measured = measure(passages);
        String table = measured.table("Russian (labelled/passages-ru.jsonl)");
        System.out.println(table);

        assertThat(passages).hasSizeGreaterThanOrEqualTo(150);
        assertThat(measured.offTopic())
                .as("negatives: sport, economy, weather, culture")
                .isGreaterThanOrEqualTo(20);
        assertThat(measured.microF1())
                .as("Russian micro-F1%s", table)
                .isGreaterThanOrEqualTo(REQUIRED_RUSSIAN_MICRO_F1);
    }

    @Test
    void nationalLanguagesAreMeasuredAndKeepTheirFloor() {
        Map<Language, Double> f1 = new LinkedHashMap<>();
        StringBuilder tables = new StringBuilder();
        for (Language language : NATIONAL) {
            List<EvaluationSet.Passage> passages = passages(language);
            assertThat(passages).as(language.code()).hasSizeGreaterThanOrEqualTo(30);
            TopicMeasurement measured = measure(passages);
            tables.append(measured.table(
                    language.displayName(Locale.ENGLISH) + " (labelled/passages-" + language.code() + ".jsonl)"));
            f1.put(language, measured.microF1());
        }
        System.out.println(tables);
        assertThat(f1)
                .as("micro-F1 per national language%s", tables)
                .allSatisfy((language, value) -> assertThat(value).isGreaterThanOrEqualTo(REQUIRED_NATIONAL_MICRO_F1));
    }

    @Test
    void skippingClausesWhoseTermsAreAbsentChangesNoScoreInAnyLanguage() {
        TopicScorer full = new TopicScorer(TopicDefinitions.defaults(), false);
        int labelled = 0;
        for (Language language : List.of(Language.RU, Language.TG, Language.UZ, Language.KY, Language.KK)) {
            for (EvaluationSet.Passage passage : passages(language)) {
                String title =
                        passage.text().substring(0, Math.min(90, passage.text().length()));
                TopicScores scores = SCORER.score(title, passage.text(), passage.language());
                assertThat(scores).as(passage.id()).isEqualTo(full.score(title, passage.text(), passage.language()));
                labelled += scores.labels().isEmpty() ? 0 : 1;
            }
        }
        assertThat(labelled)
                .as("passages with a label, so the comparison covers matching clauses")
                .isGreaterThan(100);
    }

    private static TopicMeasurement measure(List<EvaluationSet.Passage> passages) {
        TopicMeasurement measured = new TopicMeasurement(SCORER.definitions().ids());
        for (EvaluationSet.Passage passage : passages) {
            measured.add(
                    passage,
                    new HashSet<>(SCORER.score(null, passage.text(), passage.language())
                            .labels()));
        }
        return measured;
    }

    private static List<EvaluationSet.Passage> passages(Language language) {
        String resource = "/org/outpost/core/topic/labelled/passages-" + language.code() + ".jsonl";
        List<EvaluationSet.Passage> passages = EvaluationSet.load(resource, language);
        assertThat(passages).as(resource + " on the test classpath").isNotNull();
        return passages;
    }
}
