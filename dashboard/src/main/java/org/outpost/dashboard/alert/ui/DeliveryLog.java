package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.DeliveryStatus;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.subscription.Subscription;

/**
 * The delivery log of the user's subscriptions, newest first: which alert, channel, articles,
 * attempts, status; failed deliveries highlighted with their error and a Retry. Admins also see
 * how many deliveries failed for all users, and can list and retry them.
 */
class DeliveryLog extends VerticalLayout {

    static final int LIMIT = 200;

    private final NotificationService notifications;
    private final String owner;
    private final boolean admin;
    final Select<String> status = new Select<>();
    final Select<Long> subscription = new Select<>();
    final Grid<Delivery> grid = new Grid<>();
    final Paragraph empty = new Paragraph("Nothing sent yet: deliveries show here as your alerts match new articles.");
    final Div adminBar = new Div();
    private final Grid.Column<Delivery> ownerColumn;
    private Map<Long, String> names = Map.of();
    private ZoneId zone = ZoneId.of("UTC");
    private boolean everyone;

    DeliveryLog(NotificationService notifications, String owner, boolean admin) {
        this.notifications = notifications;
        this.owner = owner;
        this.admin = admin;
        addClassName("delivery-log");
        setPadding(false);
        status.setLabel("Status");
        status.setItems("ALL", DeliveryStatus.FAILED.name(), DeliveryStatus.PENDING.name(), DeliveryStatus.SENT.name());
        status.setItemLabelGenerator(s -> s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT));
        status.setValue("ALL");
        status.addValueChangeListener(e -> load());
        subscription.setLabel("Alert");
        subscription.setItemLabelGenerator(id -> id == 0L ? "All alerts" : names.getOrDefault(id, "#" + id));
        subscription.addValueChangeListener(e -> load());
        grid.addClassName("delivery-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(d -> Format.shortTime(d.createdAt(), zone)).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        ownerColumn = grid.addColumn(Delivery::owner).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        ownerColumn.setVisible(false);
        grid.addComponentColumn(DeliveryLog::messageCell).setHeader("Alert and message").setFlexGrow(4);
        grid.addColumn(DeliveryLog::channelLabel).setHeader("Channel").setFlexGrow(2);
        grid.addColumn(d -> d.stories().size()).setHeader("Articles").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Delivery::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::statusCell).setHeader("Status").setFlexGrow(2);
        grid.setPartNameGenerator(d -> d.status() == DeliveryStatus.FAILED ? "failed" : null);
        grid.setAllRowsVisible(true);
        adminBar.addClassName("admin-failed");
        adminBar.setVisible(false);
        FlexLayout filters = new FlexLayout(status, subscription);
        filters.addClassName("filters");
        add(adminBar, filters, grid, empty);
    }

    void refresh(ZoneId zone, List<Subscription> subscriptions) {
        this.zone = zone;
        this.names = subscriptions.stream().collect(Collectors.toMap(Subscription::id, Subscription::name, (a, b) -> a));
        Long selected = subscription.getValue();
        List<Long> ids = new java.util.ArrayList<>();
        ids.add(0L);
        subscriptions.forEach(s -> ids.add(s.id()));
        subscription.setItems(ids);
        subscription.setValue(selected != null && ids.contains(selected) ? selected : 0L);
        load();
    }

    private void load() {
        Long selected = subscription.getValue();
        List<Delivery> items = everyone ? notifications.failed(LIMIT)
                : notifications.log(owner, selected == null || selected == 0L ? null : selected,
                        status.getValue() == null || status.getValue().equals("ALL") ? null
                                : DeliveryStatus.valueOf(status.getValue()), LIMIT);
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
        empty.setVisible(items.isEmpty());
        ownerColumn.setVisible(everyone);
        showAdminBar();
    }

    private void showAdminBar() {
        if (!admin) {
            return;
        }
        long failed = notifications.failedCount(null);
        adminBar.removeAll();
        adminBar.setVisible(failed > 0 || everyone);
        Span count = new Span(failed == 1 ? "1 delivery failed for good across all users."
                : failed + " deliveries failed for good across all users.");
        count.addClassName("admin-failed-count");
        Button toggle = new Button(everyone ? "Show my deliveries" : "List them", e -> {
            everyone = !everyone;
            load();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        toggle.addClassName("toggle-all-failed");
        adminBar.add(VaadinIcon.WARNING.create(), count, toggle);
    }

    private static Component messageCell(Delivery d) {
        Span name = new Span(d.subscriptionName());
        name.addClassName("subscription-name");
        Span title = new Span(d.title());
        title.addClassName("muted-text");
        Div cell = new Div(name, title);
        cell.addClassName("delivery-message");
        return cell;
    }

    private Component statusCell(Delivery d) {
        Div cell = new Div(statusBadge(d));
        cell.addClassName("delivery-status");
        if (d.status() == DeliveryStatus.FAILED) {
            if (d.lastError() != null) {
                Span error = new Span(d.lastError());
                error.addClassName("delivery-error");
                cell.add(error);
            }
            Button retry = new Button("Retry", VaadinIcon.REFRESH.create(), e -> {
                // an admin retries another user's delivery on their behalf
                if (notifications.retry(d.owner(), d.id())) {
                    Notification.show("Delivery " + d.id() + " is queued again");
                }
                load();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.addClassName("retry-delivery");
            cell.add(retry);
        } else if (d.status() == DeliveryStatus.PENDING && d.lastError() != null) {
            Span error = new Span("retrying: " + d.lastError());
            error.addClassName("delivery-error");
            cell.add(error);
        }
        return cell;
    }

    static Span statusBadge(Delivery d) {
        Span badge = new Span(d.status().name().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add("badge " + switch (d.status()) {
            case SENT -> "success";
            case FAILED -> "error";
            case PENDING, SENDING -> "";
        });
        badge.addClassName("delivery-badge");
        return badge;
    }

    static String channelLabel(Delivery d) {
        int colon = d.channel().indexOf(':');
        String target = colon < 0 ? "" : " " + d.channel().substring(colon + 1);
        return switch (d.channelType()) {
            case "inapp" -> "In Outpost";
            case "email" -> "Email" + target;
            case "webhook" -> "Webhook" + target;
            default -> d.channel();
        };
    }
}
