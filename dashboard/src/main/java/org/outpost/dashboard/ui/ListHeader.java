package org.outpost.dashboard.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableRunnable;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The head of a list page (reports, sources, users, alerts): its title, which takes the room, and
 * its buttons at the right, on the title's baseline. The page keeps its own buttons; the usual
 * ones are made here so that they look the same on every page.
 */
public class ListHeader extends HorizontalLayout {

    private final H2 title;

    public ListHeader(String title, Component... buttons) {
        this.title = new H2(title);
        add(this.title);
        add(buttons);
        setWidthFull();
        setAlignItems(Alignment.BASELINE);
        expand(this.title);
    }

    public H2 title() {
        return title;
    }

    /** The page's main action ("Add source"): primary, with a plus. */
    public static Button addButton(String text, ComponentEventListener<ClickEvent<Button>> onClick) {
        Button add = new Button(text, VaadinIcon.PLUS.create(), onClick);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return add;
    }

    /** Lists again: for lists that change while the page is open (a crawl or a report run finishing). */
    public static Button reloadButton(SerializableRunnable reload) {
        return new Button(Texts.get("reports.refresh"), VaadinIcon.REFRESH.create(), e -> reload.run());
    }
}
