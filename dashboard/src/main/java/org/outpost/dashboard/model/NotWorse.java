package org.outpost.dashboard.model;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.QualityReport;

/**
 * When a candidate may replace the model in use, judged on the same held-out texts: its micro-F1
 * over every language is at least the current one's, and in no language with enough held-out texts
 * to tell ({@value #MIN_TEXTS}) is it lower by more than {@value #TOLERANCE}. A small language may
 * move more by chance (a text or two), so it neither blocks a switch nor can hide a loss overall.
 */
public final class NotWorse {

    static final int MIN_TEXTS = 30;
    static final double TOLERANCE = 0.02;

    private NotWorse() {}

    /**
     * Why the candidate is worse, or null when it is not.
     *
     * @param language the language it lost in, null when it lost overall
     */
    public record Refusal(@Nullable String language, double candidateF1, double currentF1) {

        /** For the API and logs; the page words it from its bundle. */
        public String message() {
            return language == null
                    ? String.format(
                            Locale.ROOT,
                            "The candidate's micro-F1 over all languages (%.3f) is below the current model's (%.3f)",
                            candidateF1,
                            currentF1)
                    : String.format(
                            Locale.ROOT,
                            "In %s the candidate's micro-F1 (%.3f) is more than %.2f below the current model's (%.3f)",
                            language,
                            candidateF1,
                            TOLERANCE,
                            currentF1);
        }
    }

    public static @Nullable Refusal judge(QualityReport candidate, QualityReport current) {
        double candidateF1 = candidate.micro().f1();
        double currentF1 = current.micro().f1();
        if (candidateF1 < currentF1 - 1e-9) {
            return new Refusal(null, candidateF1, currentF1);
        }
        for (Map.Entry<String, QualityReport.LanguageQuality> language :
                current.languages().entrySet()) {
            QualityReport.LanguageQuality mine = candidate.languages().get(language.getKey());
            if (mine == null || language.getValue().texts() < MIN_TEXTS) {
                continue;
            }
            double was = language.getValue().micro().f1();
            double now = mine.micro().f1();
            if (now < was - TOLERANCE - 1e-9) {
                return new Refusal(language.getKey(), now, was);
            }
        }
        return null;
    }
}
