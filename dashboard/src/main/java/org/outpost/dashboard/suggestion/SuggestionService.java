package org.outpost.dashboard.suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.core.topic.learn.ClauseSuggester;
import org.outpost.core.topic.learn.ClauseSuggestions;
import org.outpost.core.topic.learn.LabelledSets;
import org.outpost.core.topic.learn.LabelledText;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.feedback.FeedbackExamples;
import org.springframework.stereotype.Service;

/**
 * Clauses proposed for a topic of the classifier in use, from the articles analysts marked as
 * missing it, against a background of the shipped training passages and the other feedback, and
 * measured on the shipped labelled sets (training and held-out). Computed on request (a few
 * seconds); nothing is stored and nothing is added to the topics: an admin copies a clause into
 * the topic file.
 */
@Service
public class SuggestionService {

    private final ClassifierService classifiers;
    private final FeedbackExamples feedback;
    private final ClauseSuggester.Settings settings;
    private final AtomicReference<Shipped> shipped = new AtomicReference<>();

    SuggestionService(ClassifierService classifiers, FeedbackExamples feedback, SuggestionProperties properties) {
        this.classifiers = classifiers;
        this.feedback = feedback;
        ClauseSuggester.Settings defaults = ClauseSuggester.Settings.DEFAULTS;
        this.settings = new ClauseSuggester.Settings(
                properties.minMissing(),
                defaults.maxBackgroundRate(),
                defaults.rareBackgroundRate(),
                properties.candidates());
    }

    /** The topics in use, to choose from. */
    public List<TopicDefinition> topics() {
        return classifiers.current().topicDefinitions().topics();
    }

    /** How many articles analysts marked as missing the topic (0 for an unknown topic). */
    public int missingCount(String topic) {
        return feedback.missing().getOrDefault(topic, List.of()).size();
    }

    /** How many articles marked missing a term needs to be proposed. */
    public int minMissing() {
        return settings.minMissing();
    }

    /** @throws NoSuchElementException when the classifier in use has no such topic */
    public ClauseSuggestions suggest(String topic) {
        TopicDefinitions definitions = classifiers.current().topicDefinitions();
        if (!definitions.ids().contains(topic)) {
            throw new NoSuchElementException("There is no topic '" + topic + "'; known: " + definitions.ids());
        }
        List<LabelledText> missing = feedback.missing().getOrDefault(topic, List.of());
        LabelledSets sets = shippedSets(definitions.ids());
        List<LabelledText> background =
                ClauseSuggester.background(topic, sets.training(), feedback.examples(), missing);
        List<LabelledText> evaluation = new ArrayList<>(sets.training());
        evaluation.addAll(sets.heldOut());
        return new ClauseSuggester(definitions, settings).suggest(topic, missing, background, evaluation);
    }

    /** The shipped sets, read once per set of topic ids (a reloaded topic file may change them). */
    private LabelledSets shippedSets(List<String> ids) {
        Shipped known = shipped.get();
        if (known != null && known.ids().equals(ids)) {
            return known.sets();
        }
        Shipped fresh = new Shipped(List.copyOf(ids), LabelledSets.shipped(ids));
        shipped.set(fresh);
        return fresh.sets();
    }

    private record Shipped(List<String> ids, LabelledSets sets) {}
}
