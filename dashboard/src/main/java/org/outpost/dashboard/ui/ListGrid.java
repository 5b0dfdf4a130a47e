package org.outpost.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.ValueProvider;
import java.util.List;

/**
 * The grid of a list page: every row shown (the lists are short and the page scrolls, not the
 * grid), the row's buttons in a last column as wide as they need, and the page's empty state
 * in the grid's place while there is nothing to list. The page adds its own columns.
 */
public final class ListGrid {

    private ListGrid() {}

    /** Names the grid for the page's styles and tests and lets it grow with its rows. */
    public static <T> Grid<T> setUp(Grid<T> grid, String className) {
        grid.addClassName(className);
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The last column: a row's buttons, without a header. */
    public static <T> Grid.Column<T> addActions(Grid<T> grid, ValueProvider<T, Component> buttons) {
        return grid.addComponentColumn(buttons).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    /** Lists the items, or shows {@code empty} instead of a grid without rows. */
    public static <T> void show(Grid<T> grid, Component empty, List<T> items) {
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
        empty.setVisible(items.isEmpty());
    }
}
