package org.outpost.core.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;

/**
 * A labelled evaluation set under {@code eval/} on the test classpath (one JSON object a line:
 * id, text, labels, and for the per-language sets language). The sets measure; they are never
 * edited to fit. Topic lists were revised looking at odd ids only; even ids are held out.
 */
final class EvaluationSet {

    private EvaluationSet() {}

    /** The passages of {@code resource}, or null when it is not on the classpath. */
    static @Nullable List<Passage> load(String resource, Language fallback) {
        ObjectMapper json = new ObjectMapper();
        List<Passage> passages = new ArrayList<>();
        try (InputStream in = EvaluationSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                Set<String> labels = new HashSet<>();
                node.path("labels").forEach(l -> labels.add(l.asText()));
                Language language = Language.ofCode(node.path("language").asText(null));
                passages.add(new Passage(
                        node.path("id").asText(),
                        language == null ? fallback : language,
                        node.path("text").asText(),
                        labels));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passages;
    }

    record Passage(String id, Language language, String text, Set<String> labels) {
        /** The number in the id ("ru017" → 17), which decides tuned (odd) or held out (even). */
        int number() {
            String digits = id.replaceAll("\\D", "");
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        }

        boolean heldOut() {
            return number() % 2 == 0;
        }
    }
}
