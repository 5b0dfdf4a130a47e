package org.outpost.dashboard.source.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.outpost.alerts.source.SourceNotice;
import org.outpost.core.source.SourceHealthChanged.State;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The reader's source alerts above the list of sources: their switch (be told when a source goes
 * silent or fails) and the notices they have not read yet, each with what happened. The view
 * passes the data and what the switch and "mark read" do.
 */
class SourceNoticesPanel extends Div {

    /** @param words a notice's title and text in the reader's language */
    SourceNoticesPanel(
            boolean following,
            List<SourceNotice> unread,
            Function<SourceNotice, String[]> words,
            Function<SourceNotice, String> when,
            Consumer<Boolean> onFollow,
            Runnable onRead) {
        addClassName("source-notices");
        Checkbox follow = new Checkbox(Texts.get("sources.alerts.follow"), following);
        follow.addClassName("source-alerts-follow");
        follow.addValueChangeListener(e -> onFollow.accept(e.getValue()));
        HorizontalLayout head = new HorizontalLayout(follow);
        head.setAlignItems(HorizontalLayout.Alignment.CENTER);
        if (!unread.isEmpty()) {
            Button read = new Button(Texts.get("sources.alerts.read"), e -> onRead.run());
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.addClassName("source-alerts-read");
            head.add(read);
        }
        add(head);
        for (SourceNotice notice : unread) {
            add(notice(notice, words.apply(notice), when.apply(notice)));
        }
    }

    private static Div notice(SourceNotice notice, String[] words, String when) {
        Span title = new Span(words[0]);
        title.addClassName("source-notice-title");
        Span text = new Span(words[1]);
        text.addClassName("source-notice-text");
        Span at = new Span(when);
        at.addClassName("source-notice-when");
        Div row = new Div(title, at, text);
        row.addClassName("source-notice");
        row.addClassName(notice.state() == State.RAISED ? "source-notice-raised" : "source-notice-recovered");
        row.getElement().setAttribute("data-source-id", Long.toString(notice.sourceId()));
        return row;
    }
}
