package org.outpost.benchmarks.workload;

import java.util.List;

/** What simulated readers look at: the default topics and the words they search for. */
public final class ReaderQueries {

    /** The ids of the default topics. */
    public static final List<String> TOPICS = List.of(
            "border_security",
            "drug_trafficking",
            "terrorism",
            "extremism",
            "foreign_fighters",
            "organized_crime",
            "border_conflict",
            "international_cooperation",
            "human_rights");

    /** Searches as analysts type them: single words, names, a phrase, a boolean query. */
    public static final List<String> WORDS = List.of(
            "heroin",
            "border",
            "militants",
            "journalist",
            "CSTO",
            "ceasefire",
            "extremist",
            "smuggling",
            "Khorog",
            "Osh",
            "Batken",
            "repatriated",
            "\"border guards\"",
            "opium AND Khorog");

    private ReaderQueries() {}
}
