package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.outpost.alerts.delivery.MatchExplanation;
import org.outpost.dashboard.ui.i18n.Texts;

/** Why a notification's article matched: the passage with the alert's words marked, and the topics that passed. */
final class MatchReason {

    private MatchReason() {}

    /** @param definitionName a topic's name when no translation names it */
    static Div of(MatchExplanation why, UnaryOperator<String> definitionName, Locale locale) {
        Div reason = new Div();
        reason.addClassName("match-reason");
        if (!why.snippet().isEmpty()) {
            Div passage = new Div();
            passage.addClassName("match-passage");
            for (MatchExplanation.Piece piece : why.snippet()) {
                if (piece.hit()) {
                    Span hit = new Span(piece.text());
                    hit.addClassName("match-hit");
                    passage.add(hit);
                } else {
                    passage.add(new Text(piece.text()));
                }
            }
            reason.add(passage);
        }
        if (!why.topics().isEmpty()) {
            List<String> topics = new ArrayList<>();
            why.topics()
                    .forEach((id, score) -> topics.add(Texts.get(
                            "why.topic",
                            org.outpost.dashboard.ui.i18n.TopicNames.of(id, definitionName.apply(id), locale),
                            String.format(locale, "%.2f", score.score()),
                            String.format(locale, "%.2f", score.min()))));
            Span line = new Span(Texts.get("why.topics", String.join(", ", topics)));
            line.addClassName("match-topics");
            reason.add(line);
        }
        return reason;
    }

    /** {@code border_security} → "Border security", for topics no definition names here. */
    static String readable(String id) {
        String words = id.replace('_', ' ').strip();
        return words.isEmpty() ? id : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
