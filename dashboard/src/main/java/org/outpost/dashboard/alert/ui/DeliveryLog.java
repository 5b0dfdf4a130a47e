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
import org.outpost.dashboard.ui.i18n.Texts;

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
    final Paragraph empty = new Paragraph(Texts.get("log.empty"));
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
        status.setLabel(Texts.get("log.status"));
        status.setItems(
                "ALL",
                DeliveryStatus.FAILED.name(),
                DeliveryStatus.PENDING.name(),
                DeliveryStatus.SENT.name(),
                DeliveryStatus.UNCONFIRMED.name());
        status.setItemLabelGenerator(s -> Texts.get("log.filter." + s.toLowerCase(Locale.ROOT)));
        status.setValue("ALL");
        status.addValueChangeListener(e -> load());
        subscription.setLabel(Texts.get("alerts.col.alert"));
        subscription.setItemLabelGenerator(
                id -> id == 0L ? Texts.get("log.allAlerts") : names.getOrDefault(id, "#" + id));
        subscription.addValueChangeListener(e -> load());
        grid.addClassName("delivery-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(d -> Format.shortTime(d.createdAt(), zone))
                .setHeader(Texts.get("log.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        ownerColumn = grid.addColumn(Delivery::owner)
                .setHeader(Texts.get("log.user"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        ownerColumn.setVisible(false);
        grid.addComponentColumn(DeliveryLog::messageCell)
                .setHeader(Texts.get("log.message"))
                .setFlexGrow(4);
        grid.addColumn(DeliveryLog::channelLabel)
                .setHeader(Texts.get("log.channel"))
                .setFlexGrow(2);
        grid.addColumn(d -> d.stories().size())
                .setHeader(Texts.get("log.articles"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Delivery::attempts)
                .setHeader(Texts.get("log.attempts"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::statusCell)
                .setHeader(Texts.get("log.status"))
                .setFlexGrow(2);
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
        this.names =
                subscriptions.stream().collect(Collectors.toMap(Subscription::id, Subscription::name, (a, b) -> a));
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
        List<Delivery> items = everyone
                ? notifications.failed(LIMIT)
                : notifications.log(
                        owner,
                        selected == null || selected == 0L ? null : selected,
                        status.getValue() == null || status.getValue().equals("ALL")
                                ? null
                                : DeliveryStatus.valueOf(status.getValue()),
                        LIMIT);
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
        Span count = new Span(Texts.count("log.failedForGood", failed));
        count.addClassName("admin-failed-count");
        Button toggle = new Button(Texts.get(everyone ? "log.showMine" : "log.listThem"), e -> {
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
            Button retry = new Button(Texts.get("log.retry"), VaadinIcon.REFRESH.create(), e -> {
                // an admin retries another user's delivery on their behalf
                if (notifications.retry(d.owner(), d.id())) {
                    Notification.show(Texts.get("log.requeued", String.valueOf(d.id())));
                }
                load();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.addClassName("retry-delivery");
            cell.add(retry);
        } else if (d.status() == DeliveryStatus.PENDING && d.lastError() != null) {
            Span error = new Span(Texts.get("log.retrying", d.lastError()));
            error.addClassName("delivery-error");
            cell.add(error);
        }
        return cell;
    }

    static Span statusBadge(Delivery d) {
        Span badge = new Span(Texts.get("log.state." + d.status().name().toLowerCase(Locale.ROOT)));
        badge.getElement()
                .getThemeList()
                .add("badge "
                        + switch (d.status()) {
                            case SENT -> "success";
                            case FAILED -> "error";
                            case PENDING, SENDING -> "";
                            case UNCONFIRMED -> "contrast";
                        });
        badge.addClassName("delivery-badge");
        return badge;
    }

    static String channelLabel(Delivery d) {
        int colon = d.channel().indexOf(':');
        String target = colon < 0 ? "" : " " + d.channel().substring(colon + 1);
        return switch (d.channelType()) {
            case "inapp" -> Texts.get("channel.inApp");
            case "email" -> Texts.get("form.email") + target;
            case "webhook" -> Texts.get("form.webhook") + target;
            default -> d.channel();
        };
    }
}
