package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.outpost.dashboard.feedback.Verdict;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * A topic row's feedback: "right" and "wrong" for a label the article has, "missing" for a topic
 * it has not; each a toggle that shows the user's verdict (pressed) and withdraws it when clicked again.
 */
class TopicFeedbackButtons extends Div {

    TopicFeedbackButtons(ArticleFeedback feedback, String topic) {
        addClassName("topic-feedback");
        String name = feedback.topicName(topic);
        List<Verdict> offered =
                feedback.labelled(topic) ? List.of(Verdict.RIGHT, Verdict.WRONG) : List.of(Verdict.MISSING);
        for (Verdict verdict : offered) {
            add(toggle(feedback, topic, verdict, Texts.get("feedback." + verdict.code() + ".tip", name)));
        }
    }

    /** An icon button for the verdict on the topic (null: on the article), pressed while it is the user's. */
    static Button toggle(
            ArticleFeedback feedback, @org.jspecify.annotations.Nullable String topic, Verdict verdict, String tip) {
        Button button = new Button(icon(verdict).create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (verdict != Verdict.NOT_RELEVANT) {
            button.addThemeVariants(ButtonVariant.LUMO_ICON);
        }
        button.addClassName("feedback-" + verdict.code().replace('_', '-'));
        button.setTooltipText(tip);
        button.setAriaLabel(tip);
        button.addClickListener(e -> feedback.click(topic, verdict));
        Runnable show = () -> {
            boolean chosen = feedback.verdict(topic) == verdict;
            button.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
            button.setClassName("chosen", chosen);
        };
        show.run();
        feedback.onChange(show);
        return button;
    }

    private static VaadinIcon icon(Verdict verdict) {
        return switch (verdict) {
            case RIGHT -> VaadinIcon.THUMBS_UP_O;
            case WRONG -> VaadinIcon.THUMBS_DOWN_O;
            case MISSING -> VaadinIcon.PLUS_CIRCLE_O;
            case NOT_RELEVANT -> VaadinIcon.BAN;
        };
    }
}
