package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.subscription.Channel;
import org.outpost.alerts.subscription.ChannelDefinition;
import org.outpost.alerts.subscription.EmailConfirmations;
import org.outpost.alerts.subscription.Frequency;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionDefinition;
import org.outpost.alerts.subscription.SubscriptionService;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.dashboard.article.ArticleService;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.ui.ListGrid;
import org.outpost.dashboard.ui.ListHeader;
import org.outpost.dashboard.ui.i18n.LanguageNames;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/**
 * The user's alert subscriptions: what each watches, how often and where it sends, whether it is
 * paused or muted, how its last delivery went; add, edit (with a preview), pause, mute, delete.
 * A second tab is the delivery log. {@code ?subscription=<id>} opens one ({@code &mute=7d}, the
 * link in emails, asks to mute it); {@code ?query=&topics=&sources=...} starts a new one.
 */
@Route("alerts")
@Menu(order = 3, icon = "vaadin:bell", title = "Alerts")
@PermitAll
@StyleSheet("context://alerts.css")
class AlertsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PREVIEW_LATEST = 5;
    private static final Pattern MUTE = Pattern.compile("(\\d{1,3})([dh])");

    private final SubscriptionService subscriptions;
    private final org.outpost.alerts.feed.AlertFeeds feeds;
    private final org.outpost.alerts.AlertsProperties alertsProperties;
    private final EmailConfirmations confirmations;
    private final NotificationService notifications;
    private final ArticleService articles;
    private final String owner;
    private final Map<String, String> topicNames = new LinkedHashMap<>();
    private final Clock clock = Clock.systemUTC();
    final Grid<Subscription> grid = new Grid<>();
    final Div emptyState = new Div();
    final DeliveryLog log;
    private final TabSheet tabs = new TabSheet();
    private ZoneId zone = ZoneId.of("UTC");

    AlertsView(
            SubscriptionService subscriptions,
            NotificationService notifications,
            ArticleService articles,
            ClassifierService classifiers,
            AuthenticationContext auth,
            EmailConfirmations confirmations,
            org.outpost.alerts.feed.AlertFeeds feeds,
            org.outpost.alerts.AlertsProperties alertsProperties) {
        this.feeds = feeds;
        this.alertsProperties = alertsProperties;
        this.subscriptions = subscriptions;
        this.confirmations = confirmations;
        this.notifications = notifications;
        this.articles = articles;
        this.owner = auth.getPrincipalName().orElse("");
        classifiers
                .current()
                .topicDefinitions()
                .topics()
                .forEach(t -> topicNames.put(t.id(), TopicNames.of(t.id(), t.name())));
        this.log = new DeliveryLog(notifications, owner, auth.hasRole("ADMIN"));
        addClassName("alerts-view");
        setSizeFull();
        configureGrid();
        configureEmptyState();
        Div subscriptionsTab = new Div(emptyState, grid);
        subscriptionsTab.addClassName("subscriptions-tab");
        tabs.add(getTranslation("alerts.tab.subscriptions"), subscriptionsTab);
        tabs.add(getTranslation("alerts.tab.log"), log);
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() != null && tabs.getIndexOf(e.getSelectedTab()) == 1) {
                log.refresh(zone, subscriptions.list(owner));
            }
        });
        add(header(), tabs);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        // the browser's zone first: a new subscription's digests default to it
        event.getUI().getPage().retrieveExtendedClientDetails(details -> {
            zone = Format.zone(details.getTimeZoneId());
            refresh();
            if (open(parameters)) {
                // handled once: a reload shows the list, not the same form or question again
                event.getUI().getPage().getHistory().replaceState(null, "alerts");
            }
        });
    }

    /** @return whether the parameters asked for something */
    private boolean open(QueryParameters parameters) {
        Optional<String> id = parameters.getSingleParameter(AlertLinks.SUBSCRIPTION);
        if (id.isPresent()) {
            Optional<Subscription> subscription = parseId(id.get()).flatMap(i -> subscriptions.get(i, owner));
            if (subscription.isEmpty()) {
                Notification.show(getTranslation("alerts.missing", id.get()));
                return true;
            }
            Optional<Duration> mute =
                    parameters.getSingleParameter(AlertLinks.MUTE).flatMap(AlertsView::duration);
            if (mute.isPresent()) {
                confirmMute(subscription.get(), mute.get());
            } else {
                edit(subscription.get(), null);
            }
            return true;
        }
        AlertLinks.Prefill prefill = AlertLinks.prefill(parameters);
        if (prefill != null) {
            edit(null, prefill);
        }
        return prefill != null;
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code 7d}, {@code 1d}, {@code 12h}; at most a year. */
    static Optional<Duration> duration(String value) {
        Matcher m = MUTE.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Duration d = m.group(2).equals("d")
                ? Duration.ofDays(Long.parseLong(m.group(1)))
                : Duration.ofHours(Long.parseLong(m.group(1)));
        return d.isZero() || d.compareTo(Duration.ofDays(365)) > 0 ? Optional.empty() : Optional.of(d);
    }

    private Component header() {
        Button add = ListHeader.addButton(getTranslation("alerts.new"), e -> edit(null, null));
        add.addClassName("new-alert");
        ListHeader header = new ListHeader(getTranslation("nav.alerts"), add);
        header.title().addClassName("view-title");
        return header;
    }

    private void configureEmptyState() {
        emptyState.addClassName("empty-state");
        emptyState.addClassName("alerts-empty");
        Button create =
                new Button(getTranslation("alerts.createFirst"), VaadinIcon.BELL_O.create(), e -> edit(null, null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        emptyState.add(
                new H3(getTranslation("alerts.empty")),
                new Paragraph(getTranslation("alerts.empty.what")),
                new Paragraph(getTranslation("alerts.empty.tip")),
                create);
    }

    private void configureGrid() {
        ListGrid.setUp(grid, "subscriptions-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.addComponentColumn(this::whatCell)
                .setHeader(getTranslation("alerts.col.alert"))
                .setFlexGrow(4);
        grid.addComponentColumn(this::whenCell)
                .setHeader(getTranslation("alerts.col.when"))
                .setFlexGrow(2);
        grid.addComponentColumn(s -> channelsCell(s, confirmations.states(owner), this::resendConfirmation))
                .setHeader(getTranslation("alerts.col.channels"))
                .setFlexGrow(2);
        grid.addComponentColumn(this::stateCell)
                .setHeader(getTranslation("alerts.col.state"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::lastDeliveryCell)
                .setHeader(getTranslation("alerts.col.last"))
                .setFlexGrow(2);
        ListGrid.addActions(grid, this::actions);
        grid.setPartNameGenerator(s -> s.isActive(clock.instant()) ? null : "inactive");
    }

    private Component whatCell(Subscription s) {
        Span name = new Span(s.name());
        name.addClassName("subscription-name");
        Div cell = new Div(name);
        if (!s.query().isBlank()) {
            Span query = new Span(s.query());
            query.addClassName("subscription-query");
            cell.add(query);
        }
        List<String> filters = new ArrayList<>();
        s.filters()
                .topics()
                .forEach((t, min) -> filters.add(topicNames.getOrDefault(t, t)
                        + (min > 0 ? " ≥ " + String.format(getLocale(), "%.1f", min) : "")));
        filters.addAll(s.filters().sources());
        filters.addAll(s.filters().entities());
        s.filters()
                .languages()
                .forEach(l -> filters.add(getTranslation("alerts.language", LanguageNames.of(l, getLocale()))));
        if (!filters.isEmpty()) {
            Span f = new Span(String.join(" · ", filters));
            f.addClassName("subscription-filters");
            cell.add(f);
        }
        cell.addClassName("subscription-cell");
        return cell;
    }

    /** How quiet hours apply, when not simply the owner's: urgent, none, or the alert's own window. */
    private @Nullable String quietNote(Subscription s) {
        if (s.urgent()) {
            return getTranslation("alerts.quiet.urgent");
        }
        return switch (s.quietMode()) {
            case USER -> null;
            case NONE -> getTranslation("alerts.quiet.none");
            case OWN ->
                s.ownQuietHours()
                        .map(q -> getTranslation(
                                "alerts.quiet.own",
                                q.start().toString(),
                                q.end().toString(),
                                q.zone().getId()))
                        .orElse(null);
        };
    }

    private Component whenCell(Subscription s) {
        String when = switch (s.frequency()) {
            case INSTANT -> getTranslation("alerts.when.instant");
            case HOURLY ->
                getTranslation(
                        "alerts.when.hourly", String.format("%02d", s.time().getMinute()));
            case DAILY -> getTranslation("alerts.when.daily", s.time().toString());
            case WEEKLY ->
                getTranslation(
                        "alerts.when.weekly",
                        LocalFormat.dayOfWeek(s.day(), getLocale()),
                        s.time().toString());
        };
        Div cell = new Div(new Span(when));
        cell.addClassName("subscription-when");
        if (s.frequency() != Frequency.INSTANT) {
            Span zoneName = new Span(s.zone().getId());
            zoneName.addClassName("muted-text");
            cell.add(zoneName);
        }
        if (s.spikeAlerts()) {
            Span spikes = new Span(getTranslation(
                    "alerts.spikes.preset",
                    getTranslation("alerts.spikes"),
                    getTranslation(
                            "form.spikeSensitivity." + s.spikeSensitivity().key())));
            spikes.addClassName("muted-text");
            cell.add(spikes);
        }
        if (s.firstSeen() != null) {
            Span names = new Span(getTranslation("alerts.badge.firstSeen"));
            names.addClassName("muted-text");
            cell.add(names);
        }
        String quiet = quietNote(s);
        if (quiet != null) {
            Span note = new Span(quiet);
            note.addClassName("muted-text");
            note.addClassName("subscription-quiet");
            cell.add(note);
        }
        return cell;
    }

    /**
     * @param states where the owner's email addresses stand: one not confirmed yet says so
     * @param resend sends an address its confirmation again
     */
    static Component channelsCell(
            Subscription s, Map<String, EmailConfirmations.State> states, java.util.function.Consumer<String> resend) {
        Div cell = new Div();
        cell.addClassName("channel-chips");
        for (Channel c : s.channels()) {
            Span chip = switch (c) {
                case Channel.InApp i -> new Span(VaadinIcon.BELL.create(), new Span(Texts.get("channel.inApp")));
                case Channel.Email e -> emailChip(e, states, resend);
                case Channel.Telegram t ->
                    new Span(VaadinIcon.PAPERPLANE.create(), new Span(Texts.get("channel.telegram", t.chatId())));
                case Channel.Webhook w ->
                    new Span(
                            VaadinIcon.CONNECT.create(),
                            new Span(host(w.url())
                                    + (w.slack() ? " (Slack)" : "")
                                    + (w.teams() ? " (Teams)" : "")
                                    + (w.secret() != null ? " · " + Texts.get("channel.signed") : "")));
            };
            chip.addClassName("channel-chip");
            cell.add(chip);
        }
        return cell;
    }

    /** An address, and until its recipient confirms: that it waits, and a button to send the link again. */
    private static Span emailChip(
            Channel.Email e, Map<String, EmailConfirmations.State> states, java.util.function.Consumer<String> resend) {
        Span chip = new Span(VaadinIcon.ENVELOPE.create(), new Span(e.address()));
        if (states.get(e.address().toLowerCase(Locale.ROOT)) != EmailConfirmations.State.CONFIRMED) {
            Span waiting = new Span(" · " + Texts.get("channel.waiting"));
            waiting.addClassName("confirmation-waiting");
            Button again = new Button(Texts.get("channel.resend"), click -> resend.accept(e.address()));
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            again.addClassName("resend-confirmation");
            chip.add(waiting, again);
        }
        return chip;
    }

    private void resendConfirmation(String address) {
        boolean sent = confirmations.resend(owner, address);
        Notification.show(
                sent
                        ? getTranslation("alerts.confirmation.resent", address)
                        : getTranslation(
                                "alerts.confirmation.notResent",
                                address,
                                confirmations.resendAfter().toMinutes()));
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private Component stateCell(Subscription s) {
        Instant now = clock.instant();
        Span badge;
        if (s.paused()) {
            badge = badge(getTranslation("alerts.state.paused"), "contrast");
        } else if (s.mutedUntil() != null && s.mutedUntil().isAfter(now)) {
            badge = badge(getTranslation("alerts.state.muted", Format.shortTime(s.mutedUntil(), zone)), "warning");
        } else {
            badge = badge(getTranslation("alerts.state.active"), "success");
        }
        badge.addClassName("subscription-state");
        return badge;
    }

    private Component lastDeliveryCell(Subscription s) {
        List<Delivery> last = notifications.log(owner, s.id(), null, 1);
        if (last.isEmpty()) {
            Span none = new Span(getTranslation("alerts.nothingSent"));
            none.addClassName("muted-text");
            return none;
        }
        Delivery d = last.getFirst();
        Span status = DeliveryLog.statusBadge(d);
        Span when = new Span(Format.shortTime(d.sentAt() != null ? d.sentAt() : d.createdAt(), zone) + " · "
                + DeliveryLog.channelLabel(d));
        when.addClassName("muted-text");
        Div cell = new Div(status, when);
        cell.addClassName("last-delivery");
        if (d.lastError() != null) {
            cell.getElement().setAttribute("title", d.lastError());
        }
        return cell;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    private Component actions(Subscription s) {
        Button edit = new Button(getTranslation("action.edit"), e -> edit(s, null));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button pause = new Button(getTranslation(s.paused() ? "action.resume" : "action.pause"), e -> {
            subscriptions.pause(s.id(), owner, !s.paused());
            Notification.show(getTranslation(s.paused() ? "alerts.resumed" : "alerts.paused", s.name()));
            refresh();
        });
        pause.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        pause.addClassName("pause-subscription");
        Button mute = new Button(getTranslation("action.mute"), VaadinIcon.ANGLE_DOWN.create());
        mute.setIconAfterText(true);
        mute.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        ContextMenu menu = new ContextMenu(mute);
        menu.setOpenOnClick(true);
        menu.addItem(getTranslation("alerts.mute.day"), e -> mute(s, Duration.ofDays(1)));
        menu.addItem(getTranslation("alerts.mute.week"), e -> mute(s, Duration.ofDays(7)));
        if (s.mutedUntil() != null && s.mutedUntil().isAfter(clock.instant())) {
            menu.addItem(getTranslation("action.unmute"), e -> {
                subscriptions.mute(s.id(), owner, null);
                Notification.show(getTranslation("alerts.unmuted", s.name()));
                refresh();
            });
        }
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(s));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel(getTranslation("alerts.delete.title", s.name()));
        delete.setTooltipText(getTranslation("action.delete"));
        Button feed = new Button(
                VaadinIcon.RSS.create(),
                e -> new org.outpost.dashboard.feed.FeedDialog(feeds, alertsProperties, owner, s).open());
        feed.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        feed.setTooltipText(getTranslation("feed.action"));
        feed.setAriaLabel(getTranslation("feed.title", s.name()));
        feed.addClassName("feed-button");
        HorizontalLayout actions = new HorizontalLayout(edit, pause, mute, feed, delete);
        actions.setSpacing(false);
        return actions;
    }

    private void mute(Subscription s, Duration duration) {
        Instant until = clock.instant().plus(duration);
        subscriptions.mute(s.id(), owner, until);
        Notification.show(getTranslation("alerts.mutedUntil", s.name(), Format.dateTime(until, zone)));
        refresh();
    }

    private void confirmMute(Subscription s, Duration duration) {
        Instant until = clock.instant().plus(duration);
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation("alerts.mute.title", s.name()),
                getTranslation("alerts.mute.text", Format.dateTime(until, zone), zone.getId()),
                getTranslation("action.mute"),
                e -> mute(s, duration));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.addClassName("confirm-mute");
        dialog.open();
    }

    private void confirmDelete(Subscription s) {
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation("alerts.delete.title", s.name()),
                getTranslation("alerts.delete.text"),
                getTranslation("action.delete"),
                e -> {
                    subscriptions.delete(s.id(), owner);
                    Notification.show(getTranslation("alerts.deleted", s.name()));
                    refresh();
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void edit(@Nullable Subscription existing, AlertLinks.@Nullable Prefill prefill) {
        new SubscriptionForm(
                        existing,
                        prefill,
                        zone,
                        topicNames,
                        knownSources(),
                        definition -> {
                            // only the search counts for a preview: no name or channel needed yet
                            SubscriptionDefinition.Valid valid = SubscriptionDefinition.builder()
                                    .name("preview")
                                    .query(definition.query())
                                    .topics(definition.topics())
                                    .sources(definition.sources())
                                    .entities(definition.entities())
                                    .languages(definition.languages())
                                    .channels(List.of(ChannelDefinition.inApp()))
                                    .build()
                                    .validate(false, articles.queryLimits());
                            return subscriptions.preview(valid.query(), valid.filters(), PREVIEW_LATEST);
                        },
                        definition -> {
                            if (existing == null) {
                                Subscription created = subscriptions.create(owner, definition, articles.queryLimits());
                                Notification.show(getTranslation("alerts.created", created.name()));
                            } else {
                                subscriptions.update(existing.id(), owner, definition, articles.queryLimits());
                                Notification.show(getTranslation("alerts.saved", existing.name()));
                            }
                            refresh();
                        })
                .open();
    }

    private List<String> knownSources() {
        try {
            return articles.sources(200);
        } catch (IndexUnavailableException e) {
            return List.of();
        }
    }

    void refresh() {
        List<Subscription> all = subscriptions.list(owner);
        ListGrid.show(grid, emptyState, all);
        log.refresh(zone, all);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.alerts"));
    }
}
