package org.outpost.core.topic.learn;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outpost.core.language.Language;

/**
 * A text with what is known of its topics: those it is about ({@code positives}) and those it is
 * not ({@code negatives}). A passage of a labelled set is known for every topic; an analyst's
 * feedback only for the topics it names, so a topic in neither set says nothing.
 *
 * @param origin where the label came from: {@code set:<file>} for the shipped sets, {@code feedback}
 */
public record LabelledText(
        String id,
        Language language,
        @Nullable String title,
        String text,
        Set<String> positives,
        Set<String> negatives,
        String origin) {

    public static final String FEEDBACK = "feedback";

    public LabelledText {
        positives = Set.copyOf(positives);
        negatives = Set.copyOf(negatives);
        if (positives.stream().anyMatch(negatives::contains)) {
            throw new IllegalArgumentException("text " + id + ": a topic is both a positive and a negative");
        }
    }

    /** A passage labelled for every topic: those listed, and not the others. */
    public static LabelledText complete(
            String id,
            Language language,
            @Nullable String title,
            String text,
            Collection<String> labels,
            Collection<String> topics,
            String origin) {
        Set<String> negatives = new LinkedHashSet<>(topics);
        negatives.removeAll(labels);
        return new LabelledText(id, language, title, text, Set.copyOf(labels), negatives, origin);
    }

    /** @return true or false where the label of {@code topic} is known, null where it is not */
    public @Nullable Boolean label(String topic) {
        return positives.contains(topic) ? Boolean.TRUE : negatives.contains(topic) ? Boolean.FALSE : null;
    }
}
