package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.source.SourceAlerts;
import org.outpost.dashboard.ui.i18n.Texts;
import org.springframework.context.annotation.Scope;

/**
 * The header's bell: how many in-app notifications and source notices the user has not read, updated by server
 * push as they arrive; a click opens the Notifications view. One per page (prototype scope), so
 * the layout takes it as a constructor argument.
 */
@SpringComponent
@Scope("prototype")
@StyleSheet("context://alerts.css")
public class NotificationBell extends Composite<Button> {

    private final NotificationService notifications;
    private final SourceAlerts sourceAlerts;
    private final NotificationFeed feed;
    private final String owner;
    private final Span count = new Span();
    private @Nullable Runnable unsubscribe;

    NotificationBell(
            NotificationService notifications,
            SourceAlerts sourceAlerts,
            NotificationFeed feed,
            AuthenticationContext auth) {
        this.notifications = notifications;
        this.sourceAlerts = sourceAlerts;
        this.feed = feed;
        this.owner = auth.getPrincipalName().orElse("");
    }

    @Override
    protected Button initContent() {
        count.addClassName("bell-count");
        Button bell = new Button(
                VaadinIcon.BELL.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        bell.setSuffixComponent(count);
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.addClassName("notification-bell");
        return bell;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        show();
        unsubscribe = feed.subscribe(owner, () -> ui.access(this::show));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void show() {
        long unread = owner.isEmpty() ? 0 : notifications.unread(owner) + sourceAlerts.unread(owner);
        count.setText(unread == 0 ? "" : unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        String label = unread == 0 ? Texts.get("nav.notifications") : Texts.count("bell.unread", unread);
        getContent().setAriaLabel(label);
        getContent().setTooltipText(label);
        getContent().getElement().setAttribute("data-unread", Long.toString(unread));
    }
}
