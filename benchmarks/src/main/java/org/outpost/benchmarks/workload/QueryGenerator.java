package org.outpost.benchmarks.workload;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Subscription queries as analysts write them, over the workload's vocabulary: a topic word and
 * a place, a phrase, an OR of two terms with a place, a source filter by field. Seeded.
 */
public final class QueryGenerator {

    private static final List<String> TERMS = List.of("heroin", "opium", "hashish", "militants", "extremist", "smuggling",
            "ceasefire", "journalist", "activist", "CSTO", "SCO", "OSCE", "repatriated", "returnees", "extortion",
            "laundered", "explosives", "drones", "checkpoint", "evacuated", "torture", "radicalisation", "Hizb",
            "trafficking", "patrols", "delimitation", "grenades", "recruitment", "camps", "sentenced");
    private static final List<String> PHRASES = List.of("\"border guards\"", "\"Drug Control Agency\"",
            "\"Islamic State\"", "\"human rights\"", "\"organised criminal group\"", "\"border outpost\"",
            "\"political prisoners\"", "\"counter-terrorism operation\"", "\"joint military exercises\"");

    private final SplittableRandom random;

    public QueryGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public String next() {
        String place = place();
        return switch (random.nextInt(4)) {
            case 0 -> term() + " AND " + place;
            case 1 -> PHRASES.get(random.nextInt(PHRASES.size())) + " AND " + place;
            case 2 -> "(" + term() + " OR " + term() + ") AND " + place + " AND " + term();
            default -> term() + " AND source:\"" + Vocabulary.SOURCES.get(random.nextInt(Vocabulary.SOURCES.size())) + "\"";
        };
    }

    private String term() {
        return TERMS.get(random.nextInt(TERMS.size()));
    }

    private String place() {
        String p = Vocabulary.PLACES.get(random.nextInt(Vocabulary.PLACES.size()));
        return p.contains(" ") ? "\"" + p.replace("the ", "") + "\"" : p;
    }
}
