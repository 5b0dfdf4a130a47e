package org.outpost.alerts.delivery;

import java.util.function.UnaryOperator;
import org.outpost.alerts.ReaderTexts;

/**
 * What spiked, in the reader's words. Spike detection names it "topic &lt;id&gt;" or the
 * subscription's name in quotes (the stored {@link SpikeDetail#scope()}); messages and titles
 * say it in the reader's language, with the topic's display name where the language wants it.
 */
final class SpikeWording {

    private static final String TOPIC = "topic ";

    private SpikeWording() {}

    static String scope(String scope, ReaderTexts texts, UnaryOperator<String> topicName) {
        if (scope.startsWith(TOPIC)) {
            String id = scope.substring(TOPIC.length()).strip();
            return texts.get("spike.scope.topic", id, topicName.apply(id));
        }
        if (scope.length() >= 2 && scope.startsWith("\"") && scope.endsWith("\"")) {
            return texts.get("spike.scope.subscription", scope.substring(1, scope.length() - 1));
        }
        return scope;
    }
}
