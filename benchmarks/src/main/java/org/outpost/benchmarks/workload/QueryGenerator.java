package org.outpost.benchmarks.workload;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Subscription queries as analysts write them, over the workload's vocabulary: a topic word and
 * a place, a phrase, an OR of two terms with a place, a source filter by field. Seeded.
 */
public final class QueryGenerator {

    private static final List<String> TERMS = List.of(
            "heroin",
            "opium",
            "hashish",
            "militants",
            "extremist",
            "smuggling",
            "ceasefire",
            "journalist",
            "activist",
            "CSTO",
            "SCO",
            "OSCE",
            "repatriated",
            "returnees",
            "extortion",
            "laundered",
            "explosives",
            "drones",
            "checkpoint",
            "evacuated",
            "torture",
            "radicalisation",
            "Hizb",
            "trafficking",
            "patrols",
            "delimitation",
            "grenades",
            "recruitment",
            "camps",
            "sentenced");
    private static final List<String> PHRASES = List.of(
            "\"border guards\"",
            "\"Drug Control Agency\"",
            "\"Islamic State\"",
            "\"human rights\"",
            "\"organised criminal group\"",
            "\"border outpost\"",
            "\"political prisoners\"",
            "\"counter-terrorism operation\"",
            "\"joint military exercises\"");

    private final SplittableRandom random;

    public QueryGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Mostly watch lists (a village or a person, alone or with a subject), some subject-and-place
     * and source queries: about two matching subscriptions per article among 10,000.
     */
    public String next() {
        String name = Vocabulary.name(random.nextInt(Vocabulary.NAMES));
        int kind = random.nextInt(100);
        if (kind < 25) {
            return name;
        } else if (kind < 85) {
            return name + " AND " + term();
        } else if (kind < 95) {
            return PHRASES.get(random.nextInt(PHRASES.size())) + " AND " + name;
        } else if (kind < 98) {
            return "(" + term() + " OR " + term() + ") AND " + place() + " AND " + term() + " AND " + term();
        }
        return term() + " AND " + term() + " AND source:\""
                + Vocabulary.SOURCES.get(random.nextInt(Vocabulary.SOURCES.size())) + "\"";
    }

    private String term() {
        return TERMS.get(random.nextInt(TERMS.size()));
    }

    private String place() {
        String p = Vocabulary.PLACES.get(random.nextInt(Vocabulary.PLACES.size()));
        return p.contains(" ") ? "\"" + p.replace("the ", "") + "\"" : p;
    }
}
