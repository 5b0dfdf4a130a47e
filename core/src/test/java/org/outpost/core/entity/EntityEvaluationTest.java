package org.outpost.core.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Entity recall and precision of the bundled gazetteer on the labelled passages of each language
 * ({@code org/outpost/core/topic/labelled/passages-{ru,tg,uz,ky,kk}.jsonl}: one JSON object a line with {@code id}, {@code language},
 * {@code text} and {@code entities}, the expected {@code type:Name} list).
 *
 * <p>Counts are micro-averaged over passages: a passage's true positives are the expected entities the tagger
 * found, its false positives the ones it found that were not expected. The gazetteer was tuned looking at
 * odd-numbered passages only; even-numbered ones are reported apart as the held-out half. Run with
 * {@code -Doutpost.eval.verbose=true} to print each miss and each false positive.
 */
class EntityEvaluationTest {

    private static final List<String> NATIONAL = List.of("tg", "uz", "ky", "kk");
    private static final double RUSSIAN_RECALL = 0.90;
    private static final double NATIONAL_RECALL = 0.75;

    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.defaults());

    /** One labelled passage. */
    private record Passage(String id, int number, String language, String text, Set<String> expected) {}

    /** Counts of one slice of passages. */
    private static final class Score {
        int passages;
        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(Set<String> expected, Set<String> found) {
            passages++;
            for (String entity : found) {
                if (expected.contains(entity)) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            for (String entity : expected) {
                if (!found.contains(entity)) {
                    falseNegatives++;
                }
            }
        }

        double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        String line(String name) {
            return String.format(
                    Locale.ROOT,
                    "%-22s %4d passages  precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)",
                    name,
                    passages,
                    precision(),
                    recall(),
                    truePositives,
                    falsePositives,
                    falseNegatives);
        }
    }

    @Test
    void recallAndPrecisionPerLanguageMeetTheBar() throws IOException {
        Map<String, List<Passage>> byLanguage = new LinkedHashMap<>();
        for (String language : List.of("ru", "tg", "uz", "ky", "kk")) {
            List<Passage> passages = read("/org/outpost/core/topic/labelled/passages-" + language + ".jsonl");
            // a missing or emptied set must fail, not quietly drop its language from the bar
            assertThat(passages).as("eval/passages-%s.jsonl", language).hasSizeGreaterThanOrEqualTo(30);
            byLanguage.put(language, passages);
        }
        boolean verbose = Boolean.getBoolean("outpost.eval.verbose");

        Map<String, Score> scores = new LinkedHashMap<>();
        Score national = new Score();
        Score nationalOdd = new Score();
        Score nationalEven = new Score();
        StringBuilder report = new StringBuilder("Entity tagging per language (micro-averaged over passages)\n");
        for (Map.Entry<String, List<Passage>> entry : byLanguage.entrySet()) {
            String language = entry.getKey();
            Score all = new Score();
            Score odd = new Score();
            Score even = new Score();
            for (Passage passage : entry.getValue()) {
                Set<String> found = new TreeSet<>();
                TAGGER.tag(passage.text()).forEach(e -> found.add(e.typed()));
                all.add(passage.expected(), found);
                (passage.number() % 2 == 1 ? odd : even).add(passage.expected(), found);
                if (NATIONAL.contains(language)) {
                    national.add(passage.expected(), found);
                    (passage.number() % 2 == 1 ? nationalOdd : nationalEven).add(passage.expected(), found);
                }
                if (verbose && !found.equals(passage.expected())) {
                    Set<String> missed = new TreeSet<>(passage.expected());
                    missed.removeAll(found);
                    Set<String> extra = new TreeSet<>(found);
                    extra.removeAll(passage.expected());
                    report.append("  ")
                            .append(passage.id())
                            .append(" missed ")
                            .append(missed)
                            .append(" extra ")
                            .append(extra)
                            .append('\n');
                }
            }
            scores.put(language, all);
            report.append(all.line(language))
                    .append('\n')
                    .append(odd.line("  " + language + " odd (tuned)"))
                    .append('\n')
                    .append(even.line("  " + language + " even (held out)"))
                    .append('\n');
        }
        if (national.passages > 0) {
            report.append(national.line("national (pooled)"))
                    .append('\n')
                    .append(nationalOdd.line("  national odd (tuned)"))
                    .append('\n')
                    .append(nationalEven.line("  national even (held out)"))
                    .append('\n');
        }
        System.out.println(report);

        assertThat(scores.get("ru").recall())
                .as("Russian entity recall\n" + report)
                .isGreaterThanOrEqualTo(RUSSIAN_RECALL);
        assertThat(national.recall())
                .as("national languages' entity recall (pooled)\n" + report)
                .isGreaterThanOrEqualTo(NATIONAL_RECALL);
    }

    private static List<Passage> read(String resource) throws IOException {
        List<Passage> passages = new ArrayList<>();
        try (InputStream in = EntityEvaluationTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return passages;
            }
            ObjectMapper json = new ObjectMapper();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            int lineNumber = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                lineNumber++;
                JsonNode node = json.readTree(line);
                String id = node.hasNonNull("id") ? node.get("id").asText() : resource + ":" + lineNumber;
                Set<String> expected = new HashSet<>();
                node.path("entities").forEach(e -> expected.add(e.asText()));
                passages.add(new Passage(
                        id,
                        number(id, lineNumber),
                        node.path("language").asText(""),
                        node.path("text").asText(""),
                        expected));
            }
        }
        return passages;
    }

    /** The number at the end of an id ("ru-017" → 17), or the line number for an id without one. */
    private static int number(String id, int lineNumber) {
        int end = id.length();
        int start = end;
        while (start > 0 && Character.isDigit(id.charAt(start - 1))) {
            start--;
        }
        return start == end ? lineNumber : Integer.parseInt(id.substring(start, end));
    }
}
