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
import org.outpost.core.classify.Classification;
import org.outpost.core.topic.TermContribution;
import org.outpost.core.topic.TopicDefinition;
import org.outpost.core.topic.TopicDefinitions;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/**
 * An article's topic scores as bars, strongest first, each opening to the clauses that
 * produced it, so an analyst can see why an article is (or is not) labelled.
 */
class TopicScoresPanel extends Div {

    TopicScoresPanel(TopicDefinitions definitions, Classification classification) {
        addClassName("topic-scores");
        add(new H3(getTranslation("facet.topics")));
        var scores = classification.topics().scores();
        List<TopicDefinition> scored = definitions.topics().stream()
                .filter(t -> scores.getOrDefault(t.id(), 0.0) > 0)
                .sorted(Comparator.comparing((TopicDefinition t) -> scores.get(t.id()))
                        .reversed())
                .toList();
        if (scored.isEmpty()) {
            Span none = new Span(getTranslation("scores.none"));
            none.addClassName("topic-none");
            add(none);
            return;
        }
        for (TopicDefinition topic : scored) {
            add(row(
                    topic,
                    scores.get(topic.id()),
                    classification.topics().labels().contains(topic.id()),
                    classification.topics().explanations().get(topic.id())));
        }
    }

    private static Details row(TopicDefinition topic, double score, boolean labelled, List<TermContribution> why) {
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
        UnorderedList terms = new UnorderedList();
        terms.addClassName("topic-explanation");
        for (TermContribution c : why) {
            ListItem item =
                    new ListItem(String.format(Texts.locale(), "%s — %d× — %+.2f", c.term(), c.count(), c.weight()));
            if (c.weight() < 0) {
                item.addClassName("exclusion");
            }
            terms.add(item);
        }
        Details details = new Details(summary, terms);
        details.addClassName("topic-details");
        return details;
    }
}
