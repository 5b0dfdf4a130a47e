package org.outpost.alerts.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.outpost.core.classify.Classifier;
import org.outpost.core.topic.TopicDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Display names of topic ids, from the topic definitions in use when there are any. */
@Component
class TopicNames {

    private final ObjectProvider<Supplier<Classifier>> classifier;

    TopicNames(ObjectProvider<Supplier<Classifier>> classifier) {
        this.classifier = classifier;
    }

    Map<String, String> all() {
        Map<String, String> names = new HashMap<>();
        Supplier<Classifier> current = classifier.getIfAvailable();
        if (current != null) {
            for (TopicDefinition topic : current.get().topicDefinitions().topics()) {
                names.put(topic.id(), topic.name());
            }
        }
        return names;
    }

    /** {@code border_security} → "Border security", for ids no definition names. */
    static String fallback(String id) {
        String words = id.replace('_', ' ').strip();
        return words.isEmpty() ? id : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
