package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classification;
import org.outpost.core.topic.TermContribution;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/**
 * An article's topic scores as bars, strongest first, each opening to the clauses that
 * produced it and the learned model's terms that weighed most, so an analyst can see why an
 * article is (or is not) labelled; with feedback, each row has the user's verdict buttons beside it.
 */
class TopicScoresPanel extends Div {

    TopicScoresPanel(TopicDefinitions definitions, Classification classification) {
        this(definitions, classification, null);
    }

    TopicScoresPanel(TopicDefinitions definitions, Classification classification, @Nullable ArticleFeedback feedback) {
        addClassName("topic-scores");
        add(new H3(getTranslation("facet.topics")));
        if (feedback != null) {
            add(new ArticleFeedbackBar(feedback));
        }
        var scores = classification.topics().scores();
        List<TopicDefinition> scored = definitions.topics().stream()
                .filter(t -> scores.getOrDefault(t.id(), 0.0) > 0
                        // a label the article has as indexed is there to be called right or wrong, even
                        // when the topics in use no longer score it
                        || (feedback != null && feedback.labelled(t.id())))
                .sorted(Comparator.comparing((TopicDefinition t) -> scores.getOrDefault(t.id(), 0.0))
                        .reversed())
                .toList();
        if (scored.isEmpty()) {
            Span none = new Span(getTranslation("scores.none"));
            none.addClassName("topic-none");
            add(none);
            return;
        }
        for (TopicDefinition topic : scored) {
            Details row = row(
                    topic,
                    scores.getOrDefault(topic.id(), 0.0),
                    classification.topics().labels().contains(topic.id()),
                    classification.topics().explanations().getOrDefault(topic.id(), List.of()),
                    classification.topics().learned().getOrDefault(topic.id(), List.of()));
            if (feedback == null) {
                add(row);
            } else {
                // beside the row, not in its summary: a click there would open and close the details too
                Div line = new Div(row, new TopicFeedbackButtons(feedback, topic.id()));
                line.addClassName("topic-line");
                add(line);
            }
        }
    }

    private static Details row(
            TopicDefinition topic,
            double score,
            boolean labelled,
            List<TermContribution> why,
            List<TermContribution> learned) {
        // the topic page shows the topic's trend and other articles: the way on from one article
        Anchor name = new Anchor("topics/" + topic.id(), TopicNames.of(topic.id(), topic.name()));
        name.addClassName("topic-name");
        Div fill = new Div();
        fill.addClassName("topic-bar-fill");
        fill.setWidth(Math.round(score * 100) + "%");
        Div bar = new Div(fill);
        bar.addClassName("topic-bar");
        Span value = new Span(String.format(Texts.locale(), "%.2f", score));
        value.addClassName("topic-score");
        Div summary = new Div(name, bar, value);
        summary.addClassName("topic-row");
        if (labelled) {
            summary.addClassName("labelled");
            summary.getElement()
                    .setAttribute(
                            "title",
                            Texts.get("scores.labelled", String.format(Texts.locale(), "%.2f", topic.threshold())));
        }
        Details details = new Details(summary, terms(why, "topic-explanation"));
        details.addClassName("topic-details");
        if (!learned.isEmpty()) {
            // the score blends both parts: the clauses above, the model's strongest terms here
            Span heading = new Span(Texts.get("scores.learned"));
            heading.addClassName("topic-learned-heading");
            details.add(heading, terms(learned, "topic-learned"));
        }
        return details;
    }

    private static UnorderedList terms(List<TermContribution> contributions, String className) {
        UnorderedList terms = new UnorderedList();
        terms.addClassName(className);
        for (TermContribution c : contributions) {
            ListItem item =
                    new ListItem(String.format(Texts.locale(), "%s — %d× — %+.2f", c.term(), c.count(), c.weight()));
            if (c.weight() < 0) {
                item.addClassName("exclusion");
            }
            terms.add(item);
        }
        return terms;
    }
}
