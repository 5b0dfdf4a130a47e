package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.outpost.dashboard.feedback.Verdict;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The article page's feedback on the article as a whole: "Missing topic…" to name a topic it
 * should have (with the ones already named, each to withdraw), and "Not relevant to us".
 */
class ArticleFeedbackBar extends Div {

    final Select<String> missingTopic = new Select<>();
    final Div named = new Div();
    final Button notRelevant;

    ArticleFeedbackBar(ArticleFeedback feedback) {
        addClassName("feedback-bar");
        List<String> unlabelled = feedback.topicNames().keySet().stream()
                .filter(t -> !feedback.labelled(t))
                .toList();
        missingTopic.setItems(unlabelled);
        missingTopic.setItemLabelGenerator(feedback::topicName);
        missingTopic.setPlaceholder(Texts.get("feedback.missing.pick"));
        missingTopic.setAriaLabel(Texts.get("feedback.missing.pick"));
        missingTopic.setTooltipText(Texts.get("feedback.missing.pickTip"));
        missingTopic.addClassName("feedback-missing-pick");
        missingTopic.addThemeName("small");
        missingTopic.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                String topic = e.getValue();
                missingTopic.clear();
                if (feedback.verdict(topic) != Verdict.MISSING) {
                    feedback.click(topic, Verdict.MISSING);
                }
            }
        });
        missingTopic.setVisible(!unlabelled.isEmpty());
        named.addClassName("feedback-missing-named");
        notRelevant = TopicFeedbackButtons.toggle(
                feedback, null, Verdict.NOT_RELEVANT, Texts.get("feedback.notRelevant.tip"));
        notRelevant.setText(Texts.get("feedback.notRelevant"));
        add(missingTopic, named, notRelevant);
        Runnable show = () -> showNamed(feedback);
        show.run();
        feedback.onChange(show);
    }

    private void showNamed(ArticleFeedback feedback) {
        named.removeAll();
        for (String topic : feedback.missing()) {
            Span chip = new Span(feedback.topicName(topic));
            chip.getElement().getThemeList().add("badge small");
            Button withdraw = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> feedback.click(topic, Verdict.MISSING));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
            withdraw.setAriaLabel(Texts.get("feedback.missing.remove", feedback.topicName(topic)));
            withdraw.setTooltipText(Texts.get("feedback.missing.remove", feedback.topicName(topic)));
            chip.add(withdraw);
            named.add(chip);
        }
    }
}
