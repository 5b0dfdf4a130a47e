package org.outpost.alerts.delivery;

import java.util.Map;
import org.outpost.alerts.ReaderTexts;

/**
 * What spiked, in the reader's words. Spike detection names it "topic &lt;id&gt;" or the
 * subscription's name in quotes (the stored {@link SpikeDetail#scope()}); messages and titles
 * say it in the reader's language, with the topic's display name where the language wants it.
 */
final class SpikeWording {

    private static final String TOPIC = "topic ";

    private SpikeWording() {
    }

    static String scope(String scope, ReaderTexts texts, Map<String, String> topicNames) {
        if (scope.startsWith(TOPIC)) {
            String id = scope.substring(TOPIC.length()).strip();
            return texts.get("spike.scope.topic", id, topicNames.getOrDefault(id, id));
        }
        if (scope.length() >= 2 && scope.startsWith("\"") && scope.endsWith("\"")) {
            return texts.get("spike.scope.subscription", scope.substring(1, scope.length() - 1));
        }
        return scope;
    }
}
