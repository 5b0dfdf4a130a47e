package org.outpost.dashboard.alert.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.delivery.Delivery;
import org.outpost.alerts.delivery.NotificationService;
import org.outpost.alerts.delivery.Story;
import org.outpost.alerts.source.SourceAlerts;
import org.outpost.alerts.source.SourceNotice;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * The in-app inbox the bell opens: the user's notifications, newest first, unread ones marked,
 * each with its alert and the articles it brought; new ones join while the page is open. Unread
 * source notices (a source went silent, fails, or is back) stand above them, linking to Sources.
 */
@Route("notifications")
@PermitAll
@StyleSheet("context://alerts.css")
class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    static final int LIMIT = 100;

    private final NotificationService notifications;
    private final SourceAlerts sourceAlerts;
    private final NotificationFeed feed;
    private final org.outpost.alerts.delivery.MatchExplanations explanations;
    /** Why each story of the shown deliveries matched, by delivery id and article id. */
    private java.util.Map<Long, java.util.Map<String, org.outpost.alerts.delivery.MatchExplanation>> why =
            java.util.Map.of();

    private final String owner;
    final VerticalLayout list = new VerticalLayout();
    final Div sources = new Div();
    final Span summary = new Span();
    final Button markAll = new Button(Texts.get("notifications.markAll"), VaadinIcon.CHECK.create());
    private ZoneId zone = ZoneId.of("UTC");
    private @Nullable Runnable unsubscribe;

    NotificationsView(
            NotificationService notifications,
            NotificationFeed feed,
            AuthenticationContext auth,
            org.outpost.alerts.delivery.MatchExplanations explanations,
            SourceAlerts sourceAlerts) {
        this.explanations = explanations;
        this.sourceAlerts = sourceAlerts;
        this.notifications = notifications;
        this.feed = feed;
        this.owner = auth.getPrincipalName().orElse("");
        addClassName("notifications-view");
        list.addClassName("notification-list");
        list.setPadding(false);
        list.setSpacing(false);
        summary.addClassName("notification-summary");
        markAll.addClassName("mark-all-read");
        sources.addClassName("notification-sources");
        markAll.addClickListener(e -> {
            notifications.markRead(owner, null);
            sourceAlerts.markRead(owner, null);
            changed();
        });
        H2 title = new H2(Texts.get("nav.notifications"));
        title.addClassName("view-title");
        HorizontalLayout bar = new HorizontalLayout(title, summary, markAll);
        bar.setWidthFull();
        bar.setAlignItems(Alignment.BASELINE);
        bar.expand(title);
        add(bar, sources, list);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.getPage().retrieveExtendedClientDetails(details -> {
            zone = Format.zone(details.getTimeZoneId());
            reload();
        });
        reload();
        unsubscribe = feed.subscribe(owner, () -> ui.access(this::reload));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    void reload() {
        List<Delivery> inbox = notifications.inbox(owner, LIMIT);
        List<SourceNotice> sourceNotices = sourceAlerts.notices(owner, LIMIT).stream()
                .filter(n -> n.readAt() == null)
                .toList();
        showSources(sourceNotices);
        long unread = inbox.stream().filter(d -> d.readAt() == null).count() + sourceNotices.size();
        summary.setText(
                unread == 0 ? getTranslation("notifications.allRead") : getTranslation("notifications.unread", unread));
        markAll.setEnabled(unread > 0);
        list.removeAll();
        if (inbox.isEmpty() && sourceNotices.isEmpty()) {
            Div empty = new Div(
                    new H3(getTranslation("notifications.empty")),
                    new Paragraph(getTranslation("notifications.empty.what")),
                    new RouterLink(getTranslation("notifications.setUp"), AlertsView.class));
            empty.addClassName("empty-state");
            list.add(empty);
            return;
        }
        why = explanations.explain(inbox);
        inbox.forEach(d -> list.add(card(d)));
    }

    /** The unread source notices, newest first, above the alerts' notifications; nothing when there are none. */
    private void showSources(List<SourceNotice> unread) {
        sources.removeAll();
        sources.setVisible(!unread.isEmpty());
        if (unread.isEmpty()) {
            return;
        }
        H3 heading = new H3(getTranslation("notifications.sources"));
        heading.addClassName("notification-sources-title");
        sources.add(heading);
        for (SourceNotice n : unread) {
            Anchor link = new Anchor("sources", getTranslation("notifications.sources.open"));
            link.addClassName("notification-alert");
            Span when = new Span(Texts.ago(n.createdAt(), java.time.Instant.now()));
            when.getElement().setAttribute("title", Format.dateTime(n.createdAt(), zone));
            when.addClassName("muted-text");
            Button read = new Button(getTranslation("notifications.markRead"), e -> {
                sourceAlerts.markRead(owner, n.id());
                changed();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.addClassName("mark-read");
            Div head = new Div(link, when, read);
            head.addClassName("notification-head");
            Span title = new Span(sourceAlerts.title(n, getLocale()));
            title.addClassName("notification-title");
            Paragraph text = new Paragraph(sourceAlerts.text(n, getLocale()));
            text.addClassName("source-notice-text");
            Div card = new Div(head, title, text);
            card.addClassName("notification-card");
            card.addClassName("source-notice");
            card.addClassName("unread");
            card.getElement().setAttribute("data-source-notice", Long.toString(n.id()));
            sources.add(card);
        }
    }

    private Component card(Delivery d) {
        boolean unread = d.readAt() == null;
        Anchor alert = new Anchor("alerts?subscription=" + d.subscriptionId(), d.subscriptionName());
        alert.addClassName("notification-alert");
        java.time.Instant at = d.sentAt() != null ? d.sentAt() : d.createdAt();
        // "5 min ago" for the reader who checks the bell, the exact time on hover
        Span when = new Span(Texts.ago(at, java.time.Instant.now()));
        when.getElement().setAttribute("title", Format.dateTime(at, zone));
        when.addClassName("muted-text");
        Div head = new Div(alert, when);
        head.addClassName("notification-head");
        Div card = new Div(head);
        // one article's message is titled after it: the link below says it already
        boolean titledAfterStory = d.stories().size() == 1
                && d.title().equals(d.stories().getFirst().title());
        if (!titledAfterStory) {
            Span title = new Span(d.title());
            title.addClassName("notification-title");
            card.add(title);
        }
        if (!d.stories().isEmpty()) {
            Div stories = new Div();
            stories.addClassName("notification-stories");
            d.stories()
                    .forEach(s -> stories.add(story(
                            s, why.getOrDefault(d.id(), java.util.Map.of()).get(s.articleId()))));
            card.add(stories);
        }
        card.addClassName("notification-card");
        if (unread) {
            card.addClassName("unread");
            Button read = new Button(getTranslation("notifications.markRead"), e -> {
                notifications.markRead(owner, d.id());
                changed();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.addClassName("mark-read");
            head.add(read);
        }
        card.getElement().setAttribute("data-id", Long.toString(d.id()));
        return card;
    }

    private Component story(Story s, org.outpost.alerts.delivery.@Nullable MatchExplanation explained) {
        Anchor title = new Anchor(
                "articles/"
                        + URLEncoder.encode(s.articleId(), StandardCharsets.UTF_8)
                                .replace("+", "%20"),
                s.title());
        title.addClassName("notification-article");
        Span meta = new Span(s.source() + (s.datedAt() == null ? "" : " · " + Format.shortTime(s.datedAt(), zone)));
        meta.addClassName("muted-text");
        Div row = new Div(title, meta);
        row.addClassName("notification-story");
        if (explained != null) {
            row.add(MatchReason.of(explained, MatchReason::readable, getLocale()));
        }
        return row;
    }

    /** Read state changed here: this page and the bell (in every tab of this user) show it. */
    private void changed() {
        feed.read(owner);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("nav.notifications"));
    }
}
