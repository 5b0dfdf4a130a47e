package org.outpost.core.topic.learn;

/**
 * What adding a clause does to its topic on the labelled texts of the clause's language, the
 * clauses alone scoring (no model): the counts before and after, and the labels that changed.
 *
 * @param texts how many labelled texts it was measured on
 * @param gained texts the topic labels with the clause and did not without it
 * @param gainedRight of those, the texts labelled with the topic (the rest are new false positives)
 * @param lost texts the topic labelled before and no longer does (a clause that adds cannot lose
 *     any; counted so a changed scorer would show it)
 * @param missingFixed missing texts the topic labels with the clause and did not without it
 */
public record ClauseEffect(
        int texts, TopicCounts before, TopicCounts after, int gained, int gainedRight, int lost, int missingFixed) {}
