package org.outpost.core.topic.learn;

import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;

/**
 * A clause proposed for a topic: a term frequent in the texts analysts marked as missing the
 * topic and rare in other texts of the same language, written as the topic file would hold it.
 *
 * @param query the clause in Lucene syntax: a lower-cased word, a two-word phrase in double quotes
 * @param weight the proposed weight: 2, or 1 when the term is not rare in the background
 * @param term the analysed term it came from ({@code slip across}, {@code chegar…})
 * @param missingTexts how many of the missing texts of its language contain it
 * @param missingTotal how many missing texts there are in its language
 * @param backgroundTexts how many background texts of its language contain it
 * @param backgroundTotal how many background texts there are in its language
 * @param score the smoothed log-odds ratio over its standard error, by which candidates are ranked
 * @param effect what adding it does on the labelled sets; null when it was not measured
 */
public record ClauseSuggestion(
        Language language,
        String query,
        int weight,
        String term,
        int missingTexts,
        int missingTotal,
        int backgroundTexts,
        int backgroundTotal,
        double score,
        @Nullable ClauseEffect effect) {

    /** The share of background texts that contain the term; 0 without a background. */
    public double backgroundRate() {
        return backgroundTotal == 0 ? 0 : (double) backgroundTexts / backgroundTotal;
    }

    /** The clause as a line of the topic file: {@code - { query: '"slipped across"', weight: 2 }}. */
    public String yaml() {
        return "- { query: '" + query.replace("'", "''") + "', weight: " + weight + " }";
    }

    /** Where the line goes in the topic: {@code terms} for English, {@code languages.ru.terms} for the others. */
    public String placement() {
        return language == Language.EN ? "terms" : "languages." + language.code() + ".terms";
    }

    ClauseSuggestion measured(ClauseEffect measured) {
        return new ClauseSuggestion(
                language,
                query,
                weight,
                term,
                missingTexts,
                missingTotal,
                backgroundTexts,
                backgroundTotal,
                score,
                measured);
    }
}
