package org.outpost.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Accuracy of {@link LanguageDetector} over the hand-written evaluation sets (src/test/resources/eval): the
 * language-identification set and its held-out supplement, the five Russian and national-language passage sets and
 * the English topic passages. Prints a table per language for passages of 20 words or more and for shorter ones, and the texts it
 * got wrong; the bar is 0.97 on the longer ones, where articles are.
 */
class LanguageDetectorEvaluationTest {

    private static final int LONG = 20;
    private static final double REQUIRED_ACCURACY = 0.97;
    private static final List<String> SETS = List.of(
            "languages.jsonl",
            "languages-holdout.jsonl",
            "passages-ru.jsonl",
            "passages-tg.jsonl",
            "passages-uz.jsonl",
            "passages-ky.jsonl",
            "passages-kk.jsonl",
            "passages-en.jsonl");

    private final LanguageDetector detector = new LanguageDetector();

    /** The library logs every detection at DEBUG, the tests' default level; the timing would measure the log. */
    @BeforeAll
    static void quietLibraryLog() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.optimaize"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
    }

    @Test
    void recognisesTheLanguageOfAtLeast97PercentOfPassagesOf20WordsOrMore() throws IOException {
        List<Labelled> passages = passages();
        Map<String, int[]> longer = new TreeMap<>();
        Map<String, int[]> shorter = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Labelled passage : passages) {
            String detected = detector.detect(null, passage.text()).code();
            boolean right = detected.equals(passage.language());
            int[] tally =
                    (passage.words() >= LONG ? longer : shorter).computeIfAbsent(passage.language(), k -> new int[2]);
            tally[0]++;
            if (right) {
                tally[1]++;
            } else {
                wrong.add(passage.language() + " -> " + detected + " (" + passage.words() + " words): "
                        + abbreviated(passage.text()));
            }
        }
        System.out.println(table("passages of " + LONG + " words or more", longer));
        System.out.println(table("passages of fewer than " + LONG + " words", shorter));
        System.out.println("wrong:");
        wrong.forEach(line -> System.out.println("  " + line));
        System.out.printf(
                "speed: %.0f µs per passage (mean over %d passages, after warm-up)%n",
                microsecondsPerPassage(passages), passages.size());

        assertThat(accuracy(total(longer))).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
        // every language on its own, so that a small one cannot fail unnoticed behind the big ones
        longer.forEach(
                (language, tally) -> assertThat(accuracy(tally)).as(language).isGreaterThanOrEqualTo(0.9));
    }

    private double microsecondsPerPassage(List<Labelled> passages) {
        for (int round = 0; round < 3; round++) {
            passages.forEach(p -> detector.detect(null, p.text()));
        }
        long start = System.nanoTime();
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            passages.forEach(p -> detector.detect(null, p.text()));
        }
        return (System.nanoTime() - start) / 1000.0 / (rounds * passages.size());
    }

    private static String table(String title, Map<String, int[]> tallies) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format("  %-6s %5s %8s %9s%n", "lang", "n", "correct", "accuracy"));
        tallies.forEach((language, t) ->
                out.append(String.format("  %-6s %5d %8d %9.3f%n", language, t[0], t[1], accuracy(t))));
        int[] all = total(tallies);
        out.append(String.format("  %-6s %5d %8d %9.3f%n", "all", all[0], all[1], accuracy(all)));
        return out.toString();
    }

    private static int[] total(Map<String, int[]> tallies) {
        int[] all = new int[2];
        tallies.values().forEach(t -> {
            all[0] += t[0];
            all[1] += t[1];
        });
        return all;
    }

    private static double accuracy(int[] tally) {
        return tally[0] == 0 ? 1 : (double) tally[1] / tally[0];
    }

    private static String abbreviated(String text) {
        return text.length() <= 90 ? text : text.substring(0, 90) + "…";
    }

    private static List<Labelled> passages() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> passages = new ArrayList<>();
        for (String set : SETS) {
            try (InputStream in = LanguageDetectorEvaluationTest.class.getResourceAsStream(
                    (set.startsWith("passages") ? "/org/outpost/core/topic/labelled/" : "/eval/") + set)) {
                assertThat(in).as(set).isNotNull();
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode node = json.readTree(line);
                    // the English topic set predates the language field
                    String language =
                            node.has("language") ? node.get("language").asText() : "en";
                    passages.add(new Labelled(language, node.get("text").asText()));
                }
            }
        }
        return passages;
    }

    private record Labelled(String language, String text) {
        int words() {
            return text.strip().split("\\s+").length;
        }
    }
}
