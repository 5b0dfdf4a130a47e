package org.outpost.core.topic.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.outpost.core.language.Language;

/**
 * The labelled passages shipped with Outpost ({@code org/outpost/core/topic/labelled/}), split once
 * and for all into what a model may learn from and what it is judged on.
 *
 * <p>{@code passages-<lang>.jsonl} are the evaluation sets: the topic clauses were revised
 * looking at their odd ids only, so their even ids were kept out of rule writing, and they are
 * kept out of training too: they are the held-out split every figure in
 * {@code docs/signal-quality.md} is measured on. Their odd ids and every {@code training-<lang>.jsonl}
 * (written for training, by writers who saw neither the sets nor the clauses) are the training split.
 * {@code heldout-<lang>.jsonl}, written by writers who saw neither the clauses nor any model, are
 * held out whole: they make the held-out split large enough for a figure to mean something.
 */
public record LabelledSets(List<LabelledText> training, List<LabelledText> heldOut) {

    /** The languages with shipped sets, in the order figures are shown. */
    public static final List<Language> LANGUAGES =
            List.of(Language.EN, Language.RU, Language.TG, Language.UZ, Language.KY, Language.KK);

    private static final String FOLDER = "/org/outpost/core/topic/labelled/";

    public LabelledSets {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
    }

    /** The shipped sets, labelled for {@code topics} (a passage's labels outside them are dropped). */
    public static LabelledSets shipped(Collection<String> topics) {
        List<LabelledText> training = new ArrayList<>();
        List<LabelledText> heldOut = new ArrayList<>();
        for (Language language : LANGUAGES) {
            String evaluation = "passages-" + language.code() + ".jsonl";
            for (LabelledText text : read(evaluation, language, topics)) {
                (number(text.id()) % 2 == 0 ? heldOut : training).add(text);
            }
            training.addAll(read("training-" + language.code() + ".jsonl", language, topics));
            heldOut.addAll(read("heldout-" + language.code() + ".jsonl", language, topics));
        }
        return new LabelledSets(training, heldOut);
    }

    /** The passages of one shipped file; none when it is not there. */
    static List<LabelledText> read(String file, Language fallback, Collection<String> topics) {
        List<LabelledText> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = LabelledSets.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                return texts;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                List<String> labels = new ArrayList<>();
                node.path("labels").forEach(l -> {
                    if (topics.contains(l.asText())) {
                        labels.add(l.asText());
                    }
                });
                Language language = Language.ofCode(node.path("language").asText(null));
                texts.add(LabelledText.complete(
                        node.path("id").asText(),
                        language == null ? fallback : language,
                        null,
                        node.path("text").asText(),
                        labels,
                        topics,
                        "set:" + file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("labelled set " + file + " cannot be read", e);
        }
        return texts;
    }

    /** The number in an id ("ru017" → 17). */
    static int number(String id) {
        String digits = id.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 9)));
    }
}
