package org.outpost.dashboard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outpost.core.topic.learn.QualityReport;
import org.outpost.core.topic.learn.TopicCounts;

class NotWorseTest {

    @Test
    void aCandidateAsGoodEverywhereIsNotWorse() {
        QualityReport current = report(language("en", 100, 80, 10, 10), language("ru", 100, 70, 15, 15));
        assertThat(NotWorse.judge(current, current)).isNull();
    }

    @Test
    void aLowerMicroF1OverAllLanguagesIsWorse() {
        QualityReport current = report(language("en", 100, 80, 10, 10), language("ru", 100, 70, 15, 15));
        QualityReport candidate = report(language("en", 100, 80, 10, 10), language("ru", 100, 69, 15, 16));

        NotWorse.Refusal refusal = NotWorse.judge(candidate, current);

        assertThat(refusal).isNotNull();
        assertThat(refusal.language()).isNull();
        assertThat(refusal.candidateF1()).isLessThan(refusal.currentF1());
        assertThat(refusal.message()).contains("all languages");
    }

    @Test
    void aLossOfMoreThanTwoPointsInALanguageWithThirtyTextsIsWorseEvenWhenTheWholeGains() {
        // English gains a lot, Russian (30 texts) loses more than 0.02
        QualityReport current = report(language("en", 200, 100, 50, 50), language("ru", 30, 20, 5, 5));
        QualityReport candidate = report(language("en", 200, 140, 10, 10), language("ru", 30, 18, 6, 6));
        assertThat(candidate.micro().f1()).isGreaterThan(current.micro().f1());

        NotWorse.Refusal refusal = NotWorse.judge(candidate, current);

        assertThat(refusal).isNotNull();
        assertThat(refusal.language()).isEqualTo("ru");
        assertThat(refusal.message()).contains("ru");
    }

    @Test
    void aSmallLanguageMayLoseALittleOrALotWhileTheWholeGains() {
        // Kyrgyz loses 0.01 with 100 texts (within the tolerance); Kazakh loses a lot with 29 texts (too few to tell)
        QualityReport current =
                report(language("en", 200, 100, 50, 50), language("ky", 100, 50, 0, 0), language("kk", 29, 20, 5, 5));
        QualityReport candidate =
                report(language("en", 200, 150, 10, 10), language("ky", 100, 99, 1, 1), language("kk", 29, 5, 10, 20));
        assertThat(candidate.languages().get("ky").micro().f1())
                .isBetween(current.languages().get("ky").micro().f1() - 0.02, 1.0);

        assertThat(NotWorse.judge(candidate, current)).isNull();
    }

    private static Map.Entry<String, QualityReport.LanguageQuality> language(
            String code, int texts, int tp, int fp, int fn) {
        return Map.entry(
                code, new QualityReport.LanguageQuality(texts, Map.of("terrorism", new TopicCounts(tp, fp, fn))));
    }

    @SafeVarargs
    private static QualityReport report(Map.Entry<String, QualityReport.LanguageQuality>... languages) {
        Map<String, QualityReport.LanguageQuality> all = new LinkedHashMap<>();
        for (Map.Entry<String, QualityReport.LanguageQuality> language : languages) {
            all.put(language.getKey(), language.getValue());
        }
        return new QualityReport(all);
    }
}
