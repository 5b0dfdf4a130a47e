package org.outpost.alerts.delivery;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.subscription.SpikeSensitivity;

/**
 * What spiked, in the reader's words. Spike detection names it "topic &lt;id&gt;", "entity
 * &lt;name&gt;" or the subscription's name in quotes (the stored {@link SpikeDetail#scope()});
 * messages and titles say it in the reader's language, with the topic's display name where the
 * language wants it, and say which comparison found it.
 */
final class SpikeWording {

    private static final String TOPIC = "topic ";
    static final String ENTITY = "entity ";

    private SpikeWording() {}

    static String scope(String scope, ReaderTexts texts, UnaryOperator<String> topicName) {
        if (scope.startsWith(TOPIC)) {
            String id = scope.substring(TOPIC.length()).strip();
            return texts.get("spike.scope.topic", id, topicName.apply(id));
        }
        if (scope.startsWith(ENTITY)) {
            return texts.get(
                    "spike.scope.entity",
                    entityName(scope.substring(ENTITY.length()).strip()));
        }
        if (scope.length() >= 2 && scope.startsWith("\"") && scope.endsWith("\"")) {
            return texts.get("spike.scope.subscription", scope.substring(1, scope.length() - 1));
        }
        return scope;
    }

    /** "place:Vorukh" reads "Vorukh": the type is the tagger's, not the reader's. */
    static String entityName(String entity) {
        int colon = entity.indexOf(':');
        return colon > 0 && entity.substring(0, colon).chars().allMatch(Character::isLowerCase)
                ? entity.substring(colon + 1)
                : entity;
    }

    /** The subject: what spiked, its phase, the count in the window and the baseline. */
    static String title(SpikeDetail spike, ReaderTexts texts, UnaryOperator<String> topicName) {
        return texts.count(
                "spike.title." + spike.phaseOrStarted(),
                spike.count(),
                scope(spike.scope(), texts, topicName),
                window(spike, texts),
                texts.decimal(spike.baseline()));
    }

    /** The message's first line: the numbers compared. */
    static String line(
            SpikeDetail spike,
            ReaderTexts texts,
            UnaryOperator<String> topicName,
            Function<java.time.Instant, String> time) {
        if (spike.sensitivity() == null) { // stored before presets: said as it was then
            return texts.count(
                    "spike.line",
                    spike.count(),
                    scope(spike.scope(), texts, topicName),
                    texts.get("interval." + spike.interval()),
                    time.apply(spike.bucket()),
                    texts.decimal(spike.baseline()),
                    texts.decimal(spike.score()));
        }
        return texts.count(
                "spike." + spike.phaseOrStarted(),
                spike.count(),
                scope(spike.scope(), texts, topicName),
                window(spike, texts),
                time.apply(spike.bucket()),
                texts.decimal(spike.baseline()),
                texts.decimal(spike.ratio()),
                texts.decimal(spike.score()),
                spike.since() == null ? "" : time.apply(spike.since()));
    }

    /** The comparison used, with the preset's minimum count, ratio and threshold; empty before presets. */
    static String comparison(SpikeDetail spike, ReaderTexts texts) {
        if (spike.sensitivity() == null) {
            return "";
        }
        SpikeSensitivity preset = SpikeSensitivity.of(spike.sensitivity());
        return texts.get(
                "spike.compared",
                texts.get("spike.comparison." + preset.key()),
                preset.minCount(),
                texts.decimal(preset.minRatio()),
                texts.decimal(preset.threshold()),
                texts.get("spike.sensitivity." + preset.key()));
    }

    private static String window(SpikeDetail spike, ReaderTexts texts) {
        return texts.get("day".equals(spike.interval()) ? "spike.window.day" : "spike.window.hour");
    }
}
