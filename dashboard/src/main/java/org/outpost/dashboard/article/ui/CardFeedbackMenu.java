package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.feedback.Verdict;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * An Explore card's feedback, folded into one small button so the card stays compact: per label
 * "right" and "wrong", a "Missing topic" submenu and "Not relevant to us", each checked while it
 * is the user's verdict.
 */
class CardFeedbackMenu extends MenuBar {

    private record Choice(MenuItem item, @Nullable String topic, Verdict verdict) {}

    private final ArticleFeedback feedback;
    private final List<Choice> choices = new ArrayList<>();

    CardFeedbackMenu(ArticleFeedback feedback) {
        this.feedback = feedback;
        addClassName("card-feedback");
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON, MenuBarVariant.LUMO_SMALL);
        MenuItem root = addItem(VaadinIcon.COMMENT_ELLIPSIS_O.create(), Texts.get("feedback.menu"));
        root.setAriaLabel(Texts.get("feedback.menu"));
        SubMenu menu = root.getSubMenu();
        for (String topic : feedback.article().topics()) {
            String name = feedback.topicName(topic);
            choice(menu.addItem(Texts.get("feedback.menu.right", name)), topic, Verdict.RIGHT);
            choice(menu.addItem(Texts.get("feedback.menu.wrong", name)), topic, Verdict.WRONG);
        }
        SubMenu missing = menu.addItem(Texts.get("feedback.menu.missing")).getSubMenu();
        feedback.topicNames().forEach((topic, name) -> {
            if (!feedback.labelled(topic)) {
                choice(missing.addItem(name), topic, Verdict.MISSING);
            }
        });
        choice(menu.addItem(Texts.get("feedback.notRelevant")), null, Verdict.NOT_RELEVANT);
        feedback.onChange(this::show);
        show();
    }

    private void choice(MenuItem item, @Nullable String topic, Verdict verdict) {
        item.setCheckable(true);
        item.addClassName("feedback-" + verdict.code().replace('_', '-'));
        item.addClickListener(e -> feedback.click(topic, verdict));
        choices.add(new Choice(item, topic, verdict));
    }

    private void show() {
        for (Choice c : choices) {
            c.item().setChecked(feedback.verdict(c.topic()) == c.verdict());
        }
    }
}
