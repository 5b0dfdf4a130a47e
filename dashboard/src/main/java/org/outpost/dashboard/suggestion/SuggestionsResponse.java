package org.outpost.dashboard.suggestion;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.ClauseEffect;
import org.outpost.core.topic.learn.ClauseSuggestion;
import org.outpost.core.topic.learn.ClauseSuggestions;
import org.outpost.core.topic.learn.TopicCounts;

/**
 * {@code GET /api/v1/admin/topics/{id}/suggestions}: the clauses proposed for a topic, best first.
 *
 * @param missing articles analysts marked as missing the topic
 * @param minMissing how many of them must contain a term for it to be proposed
 */
record SuggestionsResponse(String topic, int missing, int minMissing, List<Candidate> candidates) {

    static SuggestionsResponse of(ClauseSuggestions suggestions, int minMissing) {
        return new SuggestionsResponse(
                suggestions.topic(),
                suggestions.missing(),
                minMissing,
                suggestions.candidates().stream().map(Candidate::of).toList());
    }

    /**
     * @param yaml the line to paste into the topic file, under {@code placement}
     * @param placement {@code terms} (English) or {@code languages.<code>.terms}
     * @param missingTexts missing articles of its language that contain the term, of {@code missingTotal}
     * @param backgroundRate the share of other texts of its language that contain it
     * @param score the ranking: smoothed log-odds ratio over its standard error
     */
    record Candidate(
            String language,
            String query,
            int weight,
            String yaml,
            String placement,
            String term,
            int missingTexts,
            int missingTotal,
            int backgroundTexts,
            int backgroundTotal,
            double backgroundRate,
            double score,
            @Nullable Effect effect) {

        static Candidate of(ClauseSuggestion c) {
            return new Candidate(
                    c.language().code(),
                    c.query(),
                    c.weight(),
                    c.yaml(),
                    c.placement(),
                    c.term(),
                    c.missingTexts(),
                    c.missingTotal(),
                    c.backgroundTexts(),
                    c.backgroundTotal(),
                    c.backgroundRate(),
                    c.score(),
                    c.effect() == null ? null : Effect.of(c.effect()));
        }
    }

    /**
     * On the shipped labelled passages of the candidate's language, the clauses alone scoring.
     *
     * @param gained passages labelled with the clause and not without it; {@code gainedRight} of them are about the topic
     * @param missingFixed missing articles the clause would have labelled
     */
    record Effect(int texts, Quality before, Quality after, int gained, int gainedRight, int lost, int missingFixed) {

        static Effect of(ClauseEffect e) {
            return new Effect(
                    e.texts(),
                    Quality.of(e.before()),
                    Quality.of(e.after()),
                    e.gained(),
                    e.gainedRight(),
                    e.lost(),
                    e.missingFixed());
        }
    }

    record Quality(int tp, int fp, int fn, double precision, double recall, double f1) {

        static Quality of(TopicCounts c) {
            return new Quality(c.tp(), c.fp(), c.fn(), round(c.precision()), round(c.recall()), round(c.f1()));
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }
}
