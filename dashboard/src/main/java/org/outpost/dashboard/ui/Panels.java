package org.outpost.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

/** What the overview and topic pages are made of: titled panels, and rows of panels side by side (styles.css lays them out). */
public final class Panels {

    private Panels() {}

    public static Div panel(String title, Component... content) {
        Div panel = new Div(new H3(title));
        panel.add(content);
        panel.addClassName("panel");
        return panel;
    }

    public static Div row(Div... panels) {
        Div row = new Div(panels);
        row.addClassName("panel-row");
        return row;
    }
}
