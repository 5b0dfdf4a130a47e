package org.outpost.core.topic;

/**
 * Why a topic scored: one clause that matched.
 *
 * @param term the clause as written in the topic definition
 * @param count how often it matched (title matches count double)
 * @param weight its contribution to the raw score; negative for an exclusion
 */
public record TermContribution(String term, int count, double weight) {}
