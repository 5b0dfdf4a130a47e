package org.outpost.alerts.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.ReaderTexts;
import org.outpost.core.classify.Classifier;
import org.outpost.core.topic.TopicDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Display names of topic ids for a reader, in reports and alert messages: the topic definition's own name in the
 * reader's language ({@code names: {ru: ...}} in the topic file), else the bundle's {@code topic.<id>}, else the
 * definition's name, else the id made readable.
 */
@Component
public class TopicNames {

    private final ObjectProvider<Supplier<Classifier>> classifier;

    TopicNames(ObjectProvider<Supplier<Classifier>> classifier) {
        this.classifier = classifier;
    }

    /** Every defined topic's name for a reader of {@code locale}, by id. */
    public Map<String, String> all(Locale locale) {
        ReaderTexts texts = ReaderTexts.of(locale);
        Map<String, String> names = new HashMap<>();
        Supplier<Classifier> current = classifier.getIfAvailable();
        if (current != null) {
            for (TopicDefinition topic : current.get().topicDefinitions().topics()) {
                String own = topic.displayName(locale);
                names.put(topic.id(), own.equals(topic.name()) ? translated(texts, topic.id(), topic.name()) : own);
            }
        }
        return names;
    }

    /** English names, as the definitions give them. */
    Map<String, String> all() {
        return all(Locale.ENGLISH);
    }

    /** One topic's name for a reader of {@code locale}. */
    public String name(String id, Locale locale) {
        String name = all(locale).get(id);
        return name != null ? name : translated(ReaderTexts.of(locale), id, fallback(id));
    }

    private static String translated(ReaderTexts texts, String id, String definitionName) {
        @Nullable String name = texts.find("topic." + id);
        return name != null ? name : definitionName;
    }

    /** {@code border_security} → "Border security", for ids no definition names. */
    static String fallback(String id) {
        String words = id.replace('_', ' ').strip();
        return words.isEmpty() ? id : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
