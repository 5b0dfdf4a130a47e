package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outpost.core.index.ArticleQuery;
import org.outpost.dashboard.ui.i18n.Texts;

/** "Create alert from this search": opens the Alerts view with a new subscription for the search a view shows. */
public class CreateAlertButton extends Button {

    /**
     * @param query the search text
     * @param source the exact-source filter, or null
     * @param filters the facet filters
     */
    public CreateAlertButton(
            Supplier<String> query, Supplier<@Nullable String> source, Supplier<ArticleQuery.Filters> filters) {
        super(Texts.get("alerts.fromSearch"), VaadinIcon.BELL_O.create());
        addClassName("create-alert");
        setTooltipText(getTranslation("alerts.fromSearch.tooltip"));
        addClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(AlertsView.class, AlertLinks.newAlert(query.get(), source.get(), filters.get()))));
    }
}
